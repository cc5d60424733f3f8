export * from "./workflows/create-affiliate-account"
export * from "./steps/resolve-sign-up-identity"
export * from "./steps/tie-identity-to-affiliate"
