import { Input, clx } from "@medusajs/ui"
import { useFormContext } from "react-hook-form"
import { isEmail, validateRate } from "../../lib/form-values"
import { FormField } from "../common/form-field"

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
 * The field a server error names (uniqueness errors read
 * "email: an affiliate with the email … already exists"), to show it inline.
 */
export const serverFieldError = (
  message: string
): { field: keyof AffiliateProfileValues; message: string } | null => {
  const match = SERVER_FIELD_ERROR.exec(message)
  if (!match) {
    return null
  }
  const text = match[2]
  return {
    field: match[1] as keyof AffiliateProfileValues,
    message: text.charAt(0).toUpperCase() + text.slice(1),
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
      <FormField id={id("name")} label="Name" error={errors.name?.message}>
        <Input
          id={id("name")}
          aria-invalid={Boolean(errors.name)}
          {...register("name", {
            validate: (name) => Boolean(name.trim()) || "Enter the affiliate's name",
          })}
        />
      </FormField>
      <FormField id={id("email")} label="Email" error={errors.email?.message}>
        <Input
          id={id("email")}
          type="email"
          aria-invalid={Boolean(errors.email)}
          {...register("email", {
            validate: (email) =>
              isEmail(email) || "Enter a valid email address",
          })}
        />
      </FormField>
      <FormField
        id={id("code")}
        label="Code"
        optional={mode === "create"}
        hint={
          mode === "create"
            ? "The referral code in links and at checkout. Generated from the name when empty."
            : "Changing the code breaks links that use the old one."
        }
        error={errors.code?.message}
      >
        <Input
          id={id("code")}
          placeholder={mode === "create" ? "e.g. JANE10" : undefined}
          aria-invalid={Boolean(errors.code)}
          {...register("code", {
            validate: (code) =>
              (mode === "create" && !code.trim()) ||
              CODE_PATTERN.test(code.trim()) ||
              "Use 3 to 32 letters, digits, '-' or '_'",
          })}
        />
      </FormField>
      <FormField
        id={id("commission_rate")}
        label="Commission rate (%)"
        optional
        hint="Leave empty to use their program's commission (the store's default rate unless the program sets one)."
        error={errors.commission_rate?.message}
      >
        <Input
          id={id("commission_rate")}
          type="number"
          min={0}
          max={100}
          step="any"
          aria-invalid={Boolean(errors.commission_rate)}
          {...register("commission_rate", { validate: validateRate })}
        />
      </FormField>
    </div>
  )
}
