import { z } from "@medusajs/framework/zod"

export const AdminGetAffiliateSyncRunsParams = z
  .object({
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int()
      .min(1, { error: "limit must be at least 1" })
      .max(100, { error: "limit must be at most 100" })
      .default(10),
    offset: z.coerce
      .number({ error: "offset must be a number" })
      .int()
      .min(0, { error: "offset must be at least 0" })
      .default(0),
  })
  .strict()
export type AdminGetAffiliateSyncRunsParamsType = z.infer<
  typeof AdminGetAffiliateSyncRunsParams
>
