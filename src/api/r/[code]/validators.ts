import { z } from "@medusajs/framework/zod"
import { LANDING_URL_MAX_LENGTH, SUB_ID_MAX_LENGTH } from "../../../modules/affiliate/utils/visits"
import { plainText, referralCodeParam } from "../../utils/validators"

/**
 * A short link's code and query. A link is shared anywhere and gets tags
 * added on the way: other parameters are ignored, and a `to` or `sub_id`
 * that is not acceptable is dropped rather than losing the visitor.
 */
export const ShortLinkParams = z.object({
  code: referralCodeParam,
  to: plainText("to").max(LANDING_URL_MAX_LENGTH).optional().catch(undefined),
  sub_id: plainText("sub_id").max(SUB_ID_MAX_LENGTH).optional().catch(undefined),
})
