import { Input, Skeleton, Text } from "@medusajs/ui"
import { type Control, type FieldPathByValue, type FieldValues } from "react-hook-form"
import { useStoreCurrencies } from "../../hooks/api/medusa-catalog"
import { ControlledField } from "./form-field"

/** Amounts per currency code, as typed: "" is no amount in that currency. */
export type CurrencyAmountValues = Record<string, string>

type CurrencyAmountsInputProps = {
  /** Prefixes the inputs' ids, unique per form. */
  idPrefix: string
  value: CurrencyAmountValues
  onChange: (value: CurrencyAmountValues) => void
  invalid?: boolean
}

/**
 * One amount per store currency (Settings › Store), in major units. A
 * currency the store no longer supports but the value still has stays
 * editable, so saving does not drop it unseen.
 */
export const CurrencyAmountsInput = ({
  idPrefix,
  value,
  onChange,
  invalid,
}: CurrencyAmountsInputProps) => {
  const { data: storeCurrencies, isLoading } = useStoreCurrencies()

  if (isLoading) {
    return <Skeleton className="h-8 w-full" />
  }

  const currencies = [
    ...(storeCurrencies ?? []),
    ...Object.keys(value).filter((code) => !storeCurrencies?.includes(code)),
  ]

  if (!currencies.length) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        The store has no currencies: add them under Settings › Store.
      </Text>
    )
  }

  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
      {currencies.map((code) => (
        <div key={code} className="flex items-center gap-x-2">
          <label
            htmlFor={`${idPrefix}-${code}`}
            className="txt-compact-small-plus text-ui-fg-subtle w-10 shrink-0"
          >
            {code.toUpperCase()}
          </label>
          <Input
            id={`${idPrefix}-${code}`}
            type="number"
            min={0}
            step="any"
            placeholder="0.00"
            aria-label={`Amount in ${code.toUpperCase()}`}
            aria-invalid={invalid}
            value={value[code] ?? ""}
            onChange={(event) => onChange({ ...value, [code]: event.target.value })}
          />
        </div>
      ))}
    </div>
  )
}

/** The typed amounts as the API takes them; null when none is given. */
export const toCurrencyAmounts = (values: CurrencyAmountValues) => {
  const entries = Object.entries(values)
    .filter(([, amount]) => amount.trim() !== "")
    .map(([code, amount]) => [code, Number(amount)] as const)
  return entries.length ? Object.fromEntries(entries) : null
}

export const fromCurrencyAmounts = (
  amounts: Record<string, number> | null
): CurrencyAmountValues =>
  Object.fromEntries(Object.entries(amounts ?? {}).map(([code, amount]) => [code, String(amount)]))

/** At least one amount, every one a number of 0 or more. */
export const validateCurrencyAmounts = (values: CurrencyAmountValues) => {
  const typed = Object.values(values).filter((amount) => amount.trim() !== "")
  if (!typed.length) {
    return "Enter an amount in at least one currency"
  }
  return (
    typed.every((amount) => Number.isFinite(Number(amount)) && Number(amount) >= 0) ||
    "Enter amounts of 0 or more"
  )
}

type CurrencyAmountsFieldProps<
  TValues extends FieldValues,
  TName extends FieldPathByValue<TValues, CurrencyAmountValues>,
> = {
  control: Control<TValues>
  name: TName
  /** Prefixes the inputs' ids, unique per form. */
  id: string
  label: string
  hint: string
  /**
   * Whether the form uses the amounts now (a fixed commission): the field
   * keeps its rule when hidden, so it checks them only then.
   */
  inUse: (values: TValues) => boolean
}

/** Amounts per store currency in a FormField, bound to one of the form's fields. */
export const CurrencyAmountsField = <
  TValues extends FieldValues,
  TName extends FieldPathByValue<TValues, CurrencyAmountValues>,
>({
  inUse,
  ...field
}: CurrencyAmountsFieldProps<TValues, TName>) => (
  <ControlledField
    {...field}
    rules={{
      validate: (amounts, values) => !inUse(values) || validateCurrencyAmounts(amounts),
    }}
  >
    {(bound, invalid) => (
      <CurrencyAmountsInput
        idPrefix={field.id}
        value={bound.value}
        onChange={bound.onChange}
        invalid={invalid}
      />
    )}
  </ControlledField>
)
