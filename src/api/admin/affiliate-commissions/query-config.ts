import {
  AFFILIATE_SUMMARY_FIELDS,
  CUSTOMER_SUMMARY_FIELDS,
  fieldsOf,
} from "../../utils/query-fields"

export const defaultAdminAffiliateCommissionFields = [
  "id",
  "affiliate_id",
  "order_id",
  "customer_id",
  "currency_code",
  "base_amount",
  "rate",
  "amount",
  "attribution",
  "status",
  "reason",
  "available_at",
  "program_id",
  "lines",
  "tier",
  "flag",
  // Made by hand (an order credited by an admin, a bonus, a deduction): who and why.
  "created_by",
  "note",
  "metadata",
  "created_at",
  "updated_at",
  "affiliate.id",
  "affiliate.name",
  "affiliate.code",
  "order.id",
  "order.display_id",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "adjustments.id",
  "adjustments.amount",
  "adjustments.reason",
  "adjustments.reference",
  "adjustments.created_at",
]

/** One commission also shows how it was made (program, lines, tier), its flag and its reassignment. */
export const detailAdminAffiliateCommissionFields = [
  ...defaultAdminAffiliateCommissionFields,
  "program_id",
  "lines",
  "tier",
  "flag",
  "reassigned_to_id",
  "reassigned_from_id",
  "reassigned_by",
]

/**
 * What `fields` may ask for: a commission's own fields and those of its
 * affiliate, buyer, order and adjustments, one level deep, so no request
 * fans out (`*affiliate.commissions.order.items` answers 400).
 */
export const allowedAdminAffiliateCommissionFields = [
  ...new Set([
    ...detailAdminAffiliateCommissionFields,
    "order_display_id",
    ...fieldsOf("affiliate", AFFILIATE_SUMMARY_FIELDS),
    ...fieldsOf("customer", CUSTOMER_SUMMARY_FIELDS),
    ...fieldsOf("order", [
      "id",
      "display_id",
      "email",
      "status",
      "currency_code",
      "customer_id",
      "created_at",
    ]),
    ...fieldsOf("adjustments", [
      "id",
      "commission_id",
      "amount",
      "reason",
      "reference",
      "metadata",
      "created_at",
      "updated_at",
    ]),
  ]),
]

export const retrieveAffiliateCommissionQueryConfig = {
  defaults: detailAdminAffiliateCommissionFields,
  allowed: allowedAdminAffiliateCommissionFields,
  isList: false,
}

export const listAffiliateCommissionsQueryConfig = {
  defaults: defaultAdminAffiliateCommissionFields,
  allowed: allowedAdminAffiliateCommissionFields,
  defaultLimit: 20,
  isList: true,
}
