/**
 * Reading and checking what is typed in the admin's forms. Inputs hold text:
 * an empty one means "not set" where a field is optional.
 */

/** A rate as typed: empty means "no rate of its own". */
export const parseRate = (value: string): number | null =>
  value.trim() === "" ? null : Number(value)

/** An empty rate passes: a field that requires one says so itself. */
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

/** A whole number from 1 to `max` (empty allowed when `optional`). */
export const validateWholeNumber =
  (max: number, message: string, { optional = false } = {}) =>
  (value: string) => {
    if (optional && value.trim() === "") {
      return true
    }
    const number = Number(value)
    return (
      (value.trim() !== "" && Number.isInteger(number) && number >= 1 && number <= max) || message
    )
  }

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const isEmail = (value: string) => EMAIL_PATTERN.test(value.trim())
