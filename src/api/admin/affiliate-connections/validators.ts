import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { CONNECTION_SOURCES } from "../../../modules/affiliate/models/affiliate-connection"

const source = z.enum(CONNECTION_SOURCES, {
  error: `source must be one of ${CONNECTION_SOURCES.join(", ")}`,
})

export const AdminGetAffiliateConnectionsParams = createFindParams({
  limit: 20,
  offset: 0,
}).extend({
  q: z.string().optional(),
  affiliate_id: z.union([z.string(), z.array(z.string())]).optional(),
  customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  source: z.union([source, z.array(source)]).optional(),
  status: z
    .enum(["active", "ended", "all"], {
      error: "status must be one of active, ended, all",
    })
    .default("active"),
})
export type AdminGetAffiliateConnectionsParamsType = z.infer<
  typeof AdminGetAffiliateConnectionsParams
>

export const AdminNewConnectionCustomer = z
  .object({
    email: z.email({ error: "customer.email must be a valid email address" }),
    first_name: z.string().trim().max(200).optional(),
    last_name: z.string().trim().max(200).optional(),
  })
  .strict()

export const AdminCreateAffiliateConnection = z
  .object({
    affiliate_id: z.string({ error: "affiliate_id is required" }).min(1),
    customer_id: z.string().min(1).optional(),
    customer: AdminNewConnectionCustomer.optional(),
    replace: z.boolean({ error: "replace must be true or false" }).optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .strict()
  .refine((body) => Boolean(body.customer_id) !== Boolean(body.customer), {
    error: "customer_id: give either customer_id or customer { email, first_name, last_name }",
    path: ["customer_id"],
  })
export type AdminCreateAffiliateConnectionType = z.infer<
  typeof AdminCreateAffiliateConnection
>

export const AdminImportAffiliateConnections = z
  .object({
    csv: z.string({ error: "csv is required: the file's text" }).min(1, {
      error: "csv is required: the file's text",
    }),
    dry_run: z.boolean({ error: "dry_run must be true or false" }).default(false),
  })
  .strict()
export type AdminImportAffiliateConnectionsType = z.infer<
  typeof AdminImportAffiliateConnections
>
