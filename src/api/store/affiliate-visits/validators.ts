import { z } from "@medusajs/framework/zod"
import { LANDING_URL_MAX_LENGTH, SUB_ID_MAX_LENGTH } from "../../../modules/affiliate/utils/visits"
import { plainText, referralCodeParam } from "../../utils/validators"

export const StoreCreateAffiliateVisit = z
  .object({
    code: referralCodeParam,
    /** The storefront page the link led to; only its path and query are kept. */
    landing_url: plainText("landing_url").max(LANDING_URL_MAX_LENGTH).optional(),
    /** The page the visitor came from (document.referrer); only its host is kept. */
    referrer: plainText("referrer").max(LANDING_URL_MAX_LENGTH).optional(),
    /** The affiliate's tag for the channel, from the link's `sub_id`. */
    sub_id: plainText("sub_id").max(SUB_ID_MAX_LENGTH).optional(),
  })
  .strict()
export type StoreCreateAffiliateVisitType = z.infer<typeof StoreCreateAffiliateVisit>
