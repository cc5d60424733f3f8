import type { FetchError } from "@medusajs/js-sdk"
import { clx } from "@medusajs/ui"
import { type UseFormSetError, useFormContext } from "react-hook-form"
import { isEmail, validateRate } from "../../lib/form-values"
import { InputField, RATE_INPUT } from "../common/form-field"

/** The fields the create modal and the edit drawer share, as typed. */
export type AffiliateProfileValues = {
  name: string
  email: string
  code: string
  commission_rate: string
}

// The server's rule: codes end up in referral links.
const CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/
const SERVER_FIELD_ERROR = /^(name|email|code|commission_rate): (.+)$/

/**
 * Shows a server error that names a field (uniqueness errors read
 * "email: an affiliate with the email … already exists") under that field.
 */
export const showServerFieldError =
  (setError: UseFormSetError<AffiliateProfileValues>) => (error: FetchError) => {
    const match = SERVER_FIELD_ERROR.exec(error.message)
    if (match) {
      const [, field, text] = match
      setError(field as keyof AffiliateProfileValues, {
        message: text.charAt(0).toUpperCase() + text.slice(1),
      })
    }
  }

type AffiliateProfileFieldsProps = {
  /** Prefixes the inputs' ids, unique per form. */
  idPrefix: string
  /** On create an empty code is generated from the name; an edit keeps one. */
  mode: "create" | "edit"
  className?: string
}

/** Name, email, referral code and commission rate of an affiliate. */
export const AffiliateProfileFields = ({
  idPrefix,
  mode,
  className,
}: AffiliateProfileFieldsProps) => {
  const {
    register,
    formState: { errors },
  } = useFormContext<AffiliateProfileValues>()
  const id = (field: keyof AffiliateProfileValues) => `${idPrefix}-${field}`

  return (
    <div className={clx("grid gap-4", className)}>
      <InputField
        id={id("name")}
        label="Name"
        error={errors.name?.message}
        {...register("name", {
          validate: (name) => Boolean(name.trim()) || "Enter the affiliate's name",
        })}
      />
      <InputField
        id={id("email")}
        label="Email"
        type="email"
        error={errors.email?.message}
        {...register("email", {
          validate: (email) => isEmail(email) || "Enter a valid email address",
        })}
      />
      <InputField
        id={id("code")}
        label="Code"
        optional={mode === "create"}
        hint={
          mode === "create"
            ? "The referral code in links and at checkout. Generated from the name when empty."
            : "Changing the code breaks links that use the old one."
        }
        error={errors.code?.message}
        placeholder={mode === "create" ? "e.g. JANE10" : undefined}
        {...register("code", {
          validate: (code) =>
            (mode === "create" && !code.trim()) ||
            CODE_PATTERN.test(code.trim()) ||
            "Use 3 to 32 letters, digits, '-' or '_'",
        })}
      />
      <InputField
        id={id("commission_rate")}
        label="Commission rate (%)"
        optional
        hint="Leave empty to use their program's commission (the store's default rate unless the program sets one)."
        error={errors.commission_rate?.message}
        {...RATE_INPUT}
        {...register("commission_rate", { validate: validateRate })}
      />
    </div>
  )
}
