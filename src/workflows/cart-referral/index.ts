export * from "./workflows/record-cart-referral"
export * from "./steps/validate-referral-code"
