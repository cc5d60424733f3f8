import { MathBN } from "@medusajs/framework/utils"

type Amount = Parameters<typeof MathBN.convert>[0]

/** Decimal places of a currency's minor unit (2 for EUR, 0 for JPY). */
export function currencyPrecision(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** base × rate %, rounded half-up to the currency's precision, without floats. */
export function commissionAmount(
  base: Amount,
  ratePercent: Amount,
  currencyCode: string
): number {
  const exact = MathBN.div(MathBN.mult(base, ratePercent), 100)
  return MathBN.convert(exact, currencyPrecision(currencyCode)).toNumber()
}
