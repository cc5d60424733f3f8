export const defaultAdminAffiliateFields = [
  "id",
  "name",
  "email",
  "code",
  "status",
  "commission_rate",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveAffiliateQueryConfig = {
  defaults: defaultAdminAffiliateFields,
  isList: false,
}

export const listAffiliatesQueryConfig = {
  ...retrieveAffiliateQueryConfig,
  defaultLimit: 20,
  isList: true,
}
