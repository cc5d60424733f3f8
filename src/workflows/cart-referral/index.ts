export * from "./workflows/record-cart-referral"
export * from "./steps/validate-referral-code"
export * from "./steps/sign-referral"
