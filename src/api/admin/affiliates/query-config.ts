export const defaultAdminAffiliateFields = [
  "id",
  "name",
  "email",
  "code",
  "status",
  "commission_rate",
  "metadata",
  "customer_id",
  "created_at",
  "updated_at",
  // Null for the default program's affiliates: `withPrograms` names it.
  "program.id",
  "program.name",
  "program.is_default",
]

export const retrieveAffiliateQueryConfig = {
  // The store customer account that account sync linked, for the detail page.
  defaults: [
    ...defaultAdminAffiliateFields,
    "customer.id",
    "customer.email",
    "customer.first_name",
    "customer.last_name",
    "customer.has_account",
    // Where to pay them, for the payouts section (never in the list: it is personal).
    "payout_method",
    "payout_details",
  ],
  isList: false,
}

export const listAffiliatesQueryConfig = {
  defaults: defaultAdminAffiliateFields,
  defaultLimit: 20,
  isList: true,
}
