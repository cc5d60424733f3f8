export * from "./workflows/assign-affiliate-promotions"
export * from "./steps/create-affiliate-promotions"
export * from "./steps/validate-promotion-assignment"
