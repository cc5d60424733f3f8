import { MedusaError } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../../modules/affiliate/service"
import { normalizeCode } from "../../modules/affiliate/utils/normalize"

/**
 * The approved affiliate a referral code belongs to (any letter case), with
 * `fields` (status among them). Unknown, pending and blocked codes get the
 * same 400: a shopper can't tell them apart.
 */
export async function findApprovedAffiliateByCode<Field extends string>(
  service: AffiliateModuleService,
  code: string,
  fields: Field[]
) {
  const [affiliate] = await service.listAffiliates({ code: normalizeCode(code) }, { select: ["status", ...fields] })
  if (!affiliate || affiliate.status !== "approved") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: "${code}" is not a valid referral code`)
  }
  return affiliate
}
