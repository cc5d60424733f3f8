import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_MODULE,
  type AffiliateProgramDTO,
  type UpdateAffiliateProgramDTO,
} from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { toAffiliateProgramDTO } from "../../../modules/affiliate/utils/dtos"
import {
  programTermsProblem,
  type ProgramTerms,
} from "../../../modules/affiliate/utils/program-terms"
import { findProgramNamed } from "./find-program-named"

export type ValidateAffiliateProgramStepInput = {
  /** The program being updated; none for a new one. */
  id?: string
  program: UpdateAffiliateProgramDTO
}

export const validateAffiliateProgramStepId = "validate-affiliate-program"

/** A new program's terms where the request leaves them out (the model's defaults). */
const NEW_PROGRAM: ProgramTerms = {
  commission_type: "percentage",
  commission_amounts: null,
  connection_lifetime: "forever",
  connection_lifetime_value: null,
  tier_metric: null,
  tiers: null,
}

function termsOf(program: AffiliateProgramDTO): ProgramTerms {
  return {
    commission_type: program.commission_type,
    commission_amounts: program.commission_amounts,
    connection_lifetime: program.connection_lifetime,
    connection_lifetime_value: program.connection_lifetime_value,
    tier_metric: program.tier_metric,
    tiers: program.tiers,
  }
}

/**
 * Checks a program's terms as they would be stored (a change merged into the
 * program it changes), and that no other program has its name (409).
 * Returns what to write: a change that ends a lifetime in days or orders, or
 * the tiers' metric, also clears the value or the tiers it left behind.
 * 404 for an unknown program.
 */
export const validateAffiliateProgramStep = createStep(
  validateAffiliateProgramStepId,
  async ({ id, program }: ValidateAffiliateProgramStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const current = id
      ? termsOf(toAffiliateProgramDTO(await service.retrieveAffiliateProgram(id)))
      : NEW_PROGRAM

    const update: UpdateAffiliateProgramDTO = { ...program }
    const lifetime = program.connection_lifetime
    if (lifetime && !("connection_lifetime_value" in program)) {
      if (lifetime === "forever") {
        update.connection_lifetime_value = null
      } else if (lifetime !== current.connection_lifetime) {
        // 30 days are not 30 orders: a new unit needs its own number.
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `connection_lifetime_value is required when connection_lifetime becomes ${lifetime}`
        )
      }
    }
    if (program.tier_metric === null && !("tiers" in program)) {
      update.tiers = null
    }

    const problem = programTermsProblem({ ...current, ...update } as ProgramTerms)
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }

    if (update.name !== undefined) {
      const taken = await findProgramNamed(service, update.name, id)
      if (taken) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `name: a program named "${taken.name}" already exists`
        )
      }
    }

    return new StepResponse(update)
  }
)
