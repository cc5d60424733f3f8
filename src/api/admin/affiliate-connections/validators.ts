import { z } from "@medusajs/framework/zod"
import { CONNECTION_SOURCES } from "../../../modules/affiliate/models/affiliate-connection"
import {
  createListParams,
  emailParam,
  enumParam,
  idParam,
  metadataParam,
  NAME_MAX_LENGTH,
  oneOrMany,
  plainText,
  searchParam,
} from "../../utils/validators"

export const AdminGetAffiliateConnectionsParams = createListParams({
  orderFields: ["created_at", "updated_at", "id", "ended_at", "source"],
}).extend({
  q: searchParam,
  affiliate_id: oneOrMany(idParam),
  customer_id: oneOrMany(idParam),
  source: oneOrMany(enumParam("source", CONNECTION_SOURCES)),
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
    email: emailParam("customer.email"),
    first_name: plainText("customer.first_name").max(NAME_MAX_LENGTH).optional(),
    last_name: plainText("customer.last_name").max(NAME_MAX_LENGTH).optional(),
  })
  .strict()

export const AdminCreateAffiliateConnection = z
  .object({
    affiliate_id: idParam.min(1, { error: "affiliate_id is required" }),
    customer_id: idParam.min(1).optional(),
    customer: AdminNewConnectionCustomer.optional(),
    replace: z.boolean({ error: "replace must be true or false" }).optional(),
    metadata: metadataParam,
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
