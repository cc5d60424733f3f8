/** A commission rate in percent, as "12.5%". */
export const formatRate = (rate: number) => `${rate}%`

/** The affiliate's own rate, or the store's default that applies instead. */
export const formatAffiliateRate = (
  rate: number | null,
  defaultRate: number | undefined
) => {
  if (rate !== null) {
    return formatRate(rate)
  }
  return defaultRate === undefined ? "Default" : `Default (${formatRate(defaultRate)})`
}

/** The rate as typed in a form: empty means "no rate of its own". */
export const parseRate = (value: string): number | null =>
  value.trim() === "" ? null : Number(value)

export const validateRate = (value: string) => {
  if (value.trim() === "") {
    return true
  }
  const rate = Number(value)
  return (
    (Number.isFinite(rate) && rate >= 0 && rate <= 100) ||
    "Enter a percentage from 0 to 100"
  )
}
