import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** The context the service's decorators pass along: its manager, and the transaction's while one runs. */
export type SharedContext = Context<EntityManager>

/** The query builder of the transaction in progress, else of the module's manager. */
export function knexOf(sharedContext: SharedContext) {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
  return manager.getTransactionContext() ?? manager.getKnex()
}
