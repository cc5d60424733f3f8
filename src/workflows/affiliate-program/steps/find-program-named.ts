import { MedusaError } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"

/**
 * Another live program with this name, in any letter case ("VIP" and "vip"
 * would be told apart by nobody), if there is one.
 */
export async function findProgramNamed(
  service: AffiliateModuleService,
  name: string,
  exceptId?: string
) {
  const programs = await service.listAffiliatePrograms(
    { name: { $ilike: escapeLike(name) } },
    { select: ["id", "name"] }
  )
  return programs.find((program) => program.id !== exceptId)
}

/**
 * Turns losing the race for a name (the unique index on live names) into the
 * 409 a request that checked first would get; other errors go on as they are.
 */
export function nameConflictOr(
  service: AffiliateModuleService,
  name: string | undefined,
  exceptId?: string
) {
  return async (error: unknown): Promise<never> => {
    const taken = name === undefined ? undefined : await findProgramNamed(service, name, exceptId)
    if (taken) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `name: a program named "${taken.name}" already exists`
      )
    }
    throw error
  }
}
