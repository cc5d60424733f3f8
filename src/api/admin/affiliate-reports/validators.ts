import { z } from "@medusajs/framework/zod"
import { LEADERBOARD_ORDERS, type LeaderboardOrder } from "../../../modules/affiliate/queries/report-leaderboard"
import { reportRangeFields, toRange } from "../../utils/report-params"
import { enumParam, idParam, LIST_LIMIT_MAX } from "../../utils/validators"

/** The admin's reports: the store's range fields, and whose figures. */
const reportFields = {
  ...reportRangeFields,
  affiliate_id: idParam.optional(),
  program_id: idParam.optional(),
}

export const AdminGetAffiliateReportParams = z.object(reportFields).strict().transform(toRange)
export type AdminGetAffiliateReportParamsType = z.infer<typeof AdminGetAffiliateReportParams>

const MONEY_ORDERS: readonly LeaderboardOrder[] = ["revenue", "commission"]

export const AdminGetAffiliateLeaderboardParams = z
  .object({
    ...reportFields,
    order: enumParam("order", LEADERBOARD_ORDERS).default("commission"),
    limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
  .transform(toRange)
  .superRefine((params, context) => {
    if (MONEY_ORDERS.includes(params.order) && !params.currency_code) {
      context.addIssue({
        code: "custom",
        message: `order=${params.order} compares amounts in one currency: give currency_code`,
      })
    }
  })
export type AdminGetAffiliateLeaderboardParamsType = z.infer<typeof AdminGetAffiliateLeaderboardParams>
