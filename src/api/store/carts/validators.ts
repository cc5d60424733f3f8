import { z } from "@medusajs/framework/zod"
import { referralCodeParam } from "../../utils/validators"

export const StoreSetCartAffiliate = z.object({ code: referralCodeParam }).strict()
export type StoreSetCartAffiliateType = z.infer<typeof StoreSetCartAffiliate>
