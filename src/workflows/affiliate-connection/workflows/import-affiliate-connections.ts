import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createCustomersWorkflow,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import { createAffiliateConnectionsStep } from "../steps/create-affiliate-connections"
import {
  planConnectionImportStep,
  type ConnectionImportRow,
} from "../steps/plan-connection-import"

export type ImportAffiliateConnectionsWorkflowInput = {
  rows: ConnectionImportRow[]
  /** Report what would happen without writing anything. */
  dry_run: boolean
  created_by?: string | null
}

export const importAffiliateConnectionsWorkflowId = "import-affiliate-connections"

/**
 * Imports customer–affiliate connections (source `import`). Every row gets a
 * result in the report; a real run creates the missing customers and the
 * `create` rows' connections, all or nothing.
 */
export const importAffiliateConnectionsWorkflow = createWorkflow(
  importAffiliateConnectionsWorkflowId,
  (input: WorkflowData<ImportAffiliateConnectionsWorkflowInput>) => {
    const plan = planConnectionImportStep(input.rows)

    const newCustomers = when(
      "create-imported-customers",
      { input, plan },
      ({ input, plan }) => !input.dry_run && plan.new_customers.length > 0
    ).then(() =>
      createCustomersWorkflow.runAsStep({
        input: transform({ plan, input }, ({ plan, input }) => ({
          customersData: plan.new_customers.map((customer) => ({
            ...customer,
            created_by: input.created_by ?? null,
          })),
        })),
      })
    )

    when(
      "create-imported-connections",
      { input, plan },
      ({ input, plan }) => !input.dry_run && plan.connections.length > 0
    ).then(() => {
      const connectionIds = createAffiliateConnectionsStep(
        transform({ plan, newCustomers, input }, ({ plan, newCustomers, input }) => {
          const createdByEmail = new Map(
            (newCustomers ?? []).map((customer) => [customer.email, customer.id])
          )
          return {
            connections: plan.connections.map((connection) => ({
              affiliate_id: connection.affiliate_id,
              customer_id:
                connection.customer_id ?? createdByEmail.get(connection.customer_email)!,
            })),
            source: "import" as const,
            created_by: input.created_by,
          }
        })
      )

      emitEventStep({
        eventName: AffiliateEvents.CONNECTION_CREATED,
        data: transform({ connectionIds }, ({ connectionIds }) =>
          connectionIds.map((id) => ({ id }))
        ),
      })
    })

    return new WorkflowResponse(
      transform({ plan, input }, ({ plan, input }) => ({
        dry_run: input.dry_run,
        rows: plan.report,
        summary: plan.report.reduce<Record<string, number>>(
          (counts, row) => ({ ...counts, [row.result]: (counts[row.result] ?? 0) + 1 }),
          { total: plan.report.length }
        ),
      }))
    )
  }
)
