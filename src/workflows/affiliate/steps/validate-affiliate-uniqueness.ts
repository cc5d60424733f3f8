import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import {
  normalizeCode,
  normalizeEmail,
} from "../../../modules/affiliate/utils/normalize"

export type ValidateAffiliateUniquenessStepInput = {
  /** The affiliate being updated, excluded from the check. */
  id?: string
  email?: string
  code?: string
}[]

export const validateAffiliateUniquenessStepId = "validate-affiliate-uniqueness"

function findRepeated(values: string[]): string | undefined {
  return values.find((value, index) => values.indexOf(value) !== index)
}

/**
 * Rejects an email or code that another live affiliate already uses, with a
 * message naming the field. The unique indexes still guard concurrent writes.
 */
export const validateAffiliateUniquenessStep = createStep(
  validateAffiliateUniquenessStepId,
  async (input: ValidateAffiliateUniquenessStepInput, { container }) => {
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const emails = input.flatMap((a) => (a.email ? [normalizeEmail(a.email)] : []))
    const codes = input.flatMap((a) => (a.code ? [normalizeCode(a.code)] : []))

    const repeatedEmail = findRepeated(emails)
    if (repeatedEmail) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `email: ${repeatedEmail} is given to more than one affiliate`
      )
    }
    const repeatedCode = findRepeated(codes)
    if (repeatedCode) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `code: ${repeatedCode} is given to more than one affiliate`
      )
    }

    const ownIds = new Set(input.flatMap((a) => (a.id ? [a.id] : [])))
    const existing = [
      ...(emails.length
        ? await service.listAffiliates({ email: emails }, { select: ["id", "email", "code"] })
        : []),
      ...(codes.length
        ? await service.listAffiliates({ code: codes }, { select: ["id", "email", "code"] })
        : []),
    ].filter((affiliate) => !ownIds.has(affiliate.id))

    const takenEmail = existing.find((a) => emails.includes(a.email))
    if (takenEmail) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `email: an affiliate with the email ${takenEmail.email} already exists`
      )
    }
    const takenCode = existing.find((a) => codes.includes(a.code))
    if (takenCode) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `code: the referral code ${takenCode.code} is already taken`
      )
    }

    return new StepResponse(void 0)
  }
)
