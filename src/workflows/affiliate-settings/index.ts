export * from "./workflows/update-affiliate-settings"
export * from "./steps/update-affiliate-settings"
export * from "./steps/retrieve-effective-affiliate-settings"
