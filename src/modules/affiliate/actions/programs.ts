import type AffiliateModuleService from "../service"
import { insertDefaultProgram } from "../queries/programs"
import type { AffiliateProgramDTO } from "../types"
import { toAffiliateProgramDTO } from "../utils/dtos"
import { knexOf, type SharedContext } from "./shared-context"

/** The id of the default program the migration creates. */
export const DEFAULT_PROGRAM_ID = "affprog_default"

/**
 * The default program: the migration creates it; a database emptied since
 * gets it again here (one row whatever the concurrency, by its unique index).
 */
export async function retrieveDefaultProgram(
  service: AffiliateModuleService,
  sharedContext: SharedContext
): Promise<AffiliateProgramDTO> {
  const find = () => service.listAffiliatePrograms({ is_default: true }, { take: 1 }, sharedContext)
  const [program] = await find()
  if (program) {
    return toAffiliateProgramDTO(program)
  }
  await insertDefaultProgram(knexOf(sharedContext), DEFAULT_PROGRAM_ID)
  const [created] = await find()
  return toAffiliateProgramDTO(created)
}
