export * from "./steps/find-visited-affiliate"
export * from "./steps/record-affiliate-visit"
export * from "./workflows/record-affiliate-visit"
