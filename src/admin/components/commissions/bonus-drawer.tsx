import { Hint, Textarea } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { useCreateAffiliateBonus } from "../../hooks/api/affiliate-commissions"
import { useStoreCurrencies } from "../../hooks/api/medusa-catalog"
import { serverErrorMessage } from "../../lib/server-errors"
import { choicesOf, SelectField } from "../common/choice-fields"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import { FormField, InputField } from "../common/form-field"

type BonusValues = {
  kind: "bonus" | "deduction"
  amount: string
  currency_code: string
  note: string
}

const KIND_CHOICES = choicesOf({ bonus: "Bonus (adds to what they are owed)", deduction: "Deduction (takes from it)" })

type BonusDrawerProps = {
  affiliate: { id: string; name: string }
  /** The currency offered first: the one they earn in (else the store's default). */
  currencyCode: string | undefined
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * A one-off bonus or deduction for an affiliate, with a note they see: a
 * ledger line without an order, paid (or netted) in their next payout.
 */
export const BonusDrawer = ({ affiliate, currencyCode, open, onOpenChange }: BonusDrawerProps) => (
  <FormDrawer title="Bonus or deduction" open={open} onOpenChange={onOpenChange}>
    <BonusForm affiliate={affiliate} currencyCode={currencyCode} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const BonusForm = ({
  affiliate,
  currencyCode,
  onDone,
}: Pick<BonusDrawerProps, "affiliate" | "currencyCode"> & { onDone: () => void }) => {
  const createBonus = useCreateAffiliateBonus()
  const currencies = useStoreCurrencies().data ?? []
  const form = useForm<BonusValues>({
    defaultValues: { kind: "bonus", amount: "", currency_code: currencyCode ?? "", note: "" },
  })
  // The store's default currency once known, when the affiliate has earned in none.
  const storeDefault = currencies[0]
  useEffect(() => {
    if (storeDefault && !form.getValues("currency_code")) {
      form.setValue("currency_code", storeDefault)
    }
  }, [form, storeDefault])
  const { errors } = form.formState

  const onSubmit = form.handleSubmit((values) => {
    const amount = Number(values.amount)
    createBonus.mutate(
      {
        affiliate_id: affiliate.id,
        currency_code: values.currency_code,
        amount: values.kind === "deduction" ? -amount : amount,
        note: values.note.trim(),
      },
      { onSuccess: onDone }
    )
  })

  return (
    <DrawerForm onSubmit={onSubmit} submitLabel="Save" isSubmitting={createBonus.isPending}>
      <SelectField control={form.control} name="kind" id="bonus-kind" label="Type" choices={KIND_CHOICES} />
      <div className="grid grid-cols-2 gap-x-4">
        <InputField
          id="bonus-amount"
          label="Amount"
          inputMode="decimal"
          error={errors.amount?.message}
          {...form.register("amount", {
            validate: (value) => Number(value) > 0 || "Enter an amount above 0",
          })}
        />
        <SelectField
          control={form.control}
          name="currency_code"
          id="bonus-currency"
          label="Currency"
          choices={[...new Set([...currencies, ...(currencyCode ? [currencyCode] : [])])].map((code) => ({
            value: code,
            label: code.toUpperCase(),
          }))}
        />
      </div>
      <FormField
        id="bonus-note"
        label="Note"
        hint={`Why. ${affiliate.name} sees it in their commissions.`}
        error={errors.note?.message}
      >
        <Textarea
          id="bonus-note"
          maxLength={500}
          aria-invalid={Boolean(errors.note)}
          {...form.register("note", { validate: (value) => Boolean(value.trim()) || "Say why" })}
        />
      </FormField>
      {createBonus.error && <Hint variant="error">{serverErrorMessage(createBonus.error)}</Hint>}
    </DrawerForm>
  )
}
