import { Input, Label, Text } from "@medusajs/ui"
import { useFieldArray, useForm } from "react-hook-form"
import {
  type AffiliateSettings,
  type UpdateAffiliateSettingsPayload,
  useUpdateAffiliateSettings,
} from "../../hooks/api/affiliate-settings"
import { formatAmounts, plural } from "../../lib/format"
import { AddRowButton, RemoveRowButton, RowError } from "../common/field-rows"
import { DrawerForm } from "../common/form-drawer"
import { InputField } from "../common/form-field"
import { SectionRow } from "../common/section-row"
import { SettingsSection } from "./settings-section"

type PayoutSettingsValues = {
  hold_days: string
  /** One row per currency; amounts in major units, as typed. */
  minimum_payouts: { currency_code: string; amount: string }[]
}

const toValues = (settings: AffiliateSettings): PayoutSettingsValues => ({
  hold_days: String(settings.hold_days),
  minimum_payouts: Object.entries(settings.minimum_payouts ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, amount]) => ({ currency_code, amount: String(amount) })),
})

const toMinimumPayouts = (rows: PayoutSettingsValues["minimum_payouts"]) =>
  rows.length ? Object.fromEntries(rows.map((row) => [row.currency_code.trim().toLowerCase(), Number(row.amount)])) : null

/** Only what changed, as in the other sections. */
const toPayload = (values: PayoutSettingsValues, saved: PayoutSettingsValues): UpdateAffiliateSettingsPayload => {
  const payload: UpdateAffiliateSettingsPayload = {}
  if (values.hold_days.trim() !== saved.hold_days) {
    payload.hold_days = Number(values.hold_days)
  }
  const minimums = toMinimumPayouts(values.minimum_payouts)
  if (JSON.stringify(minimums) !== JSON.stringify(toMinimumPayouts(saved.minimum_payouts))) {
    payload.minimum_payouts = minimums
  }
  return payload
}

const validateHoldDays = (value: string) => {
  const days = Number(value)
  return (
    (value.trim() !== "" && Number.isInteger(days) && days >= 0 && days <= 365) ||
    "Enter a whole number of days from 0 to 365"
  )
}

const validateAmount = (value: string) => {
  const amount = Number(value)
  return (value.trim() !== "" && Number.isFinite(amount) && amount >= 0) || "Enter an amount of 0 or more"
}

/** When commissions can be paid, and the smallest payout worth sending. */
export const PayoutSettingsSection = ({ settings }: { settings: AffiliateSettings }) => (
  <SettingsSection
    testId="payout-settings-section"
    title="Payouts"
    description="When commissions can be paid, and the smallest payout worth sending."
    drawerTitle="Edit payout settings"
    form={(close) => <PayoutSettingsForm settings={settings} onDone={close} />}
  >
    <SectionRow label="Hold period">
      {settings.hold_days ? plural(settings.hold_days, "day", "days") : "No hold"}
    </SectionRow>
    <SectionRow label="Minimum payouts">{formatAmounts(settings.minimum_payouts) || "None"}</SectionRow>
  </SettingsSection>
)

const PayoutSettingsForm = ({ settings, onDone }: { settings: AffiliateSettings; onDone: () => void }) => {
  const update = useUpdateAffiliateSettings()
  const form = useForm<PayoutSettingsValues>({ defaultValues: toValues(settings) })
  const { errors } = form.formState
  const minimumRows = useFieldArray({ control: form.control, name: "minimum_payouts" })
  const onSubmit = form.handleSubmit((values) =>
    update.mutate(toPayload(values, toValues(settings)), { onSuccess: onDone })
  )

  return (
    <DrawerForm onSubmit={onSubmit} submitLabel="Save" isSubmitting={update.isPending}>
      <InputField
        id="settings-hold-days"
        label="Hold period (days)"
        hint="A new commission waits this long (say, your return window) before it can be approved and paid. 0: no hold."
        error={errors.hold_days?.message}
        type="number"
        min={0}
        max={365}
        step={1}
        {...form.register("hold_days", { validate: validateHoldDays })}
      />
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          Minimum payouts
        </Label>
        <Text size="small" className="text-ui-fg-subtle">
          A balance below its currency's minimum waits for a later batch.
        </Text>
        {minimumRows.fields.map((row, index) => {
          const rowErrors = errors.minimum_payouts?.[index]
          return (
            <div key={row.id} className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <Input
                  aria-label="Currency code"
                  placeholder="eur"
                  className="w-24"
                  aria-invalid={Boolean(rowErrors?.currency_code)}
                  {...form.register(`minimum_payouts.${index}.currency_code`, {
                    validate: (value, values) => {
                      const code = value.trim().toLowerCase()
                      if (!/^[a-z]{3}$/.test(code)) {
                        return "Enter a three-letter currency code, like eur"
                      }
                      const uses = values.minimum_payouts.filter(
                        (other) => other.currency_code.trim().toLowerCase() === code
                      )
                      return uses.length === 1 || "This currency already has a minimum"
                    },
                  })}
                />
                <Input
                  aria-label="Minimum amount"
                  type="number"
                  min={0}
                  step="any"
                  placeholder="50"
                  aria-invalid={Boolean(rowErrors?.amount)}
                  {...form.register(`minimum_payouts.${index}.amount`, { validate: validateAmount })}
                />
                <RemoveRowButton label="Remove minimum" onClick={() => minimumRows.remove(index)} />
              </div>
              <RowError messages={[rowErrors?.currency_code?.message, rowErrors?.amount?.message]} />
            </div>
          )
        })}
        <AddRowButton onClick={() => minimumRows.append({ currency_code: "", amount: "" })}>
          Add minimum
        </AddRowButton>
      </div>
    </DrawerForm>
  )
}
