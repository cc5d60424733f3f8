import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { Controller, useFieldArray, useForm } from "react-hook-form"
import {
  type AffiliateSettings,
  type AttributionMethod,
  type UpdateAffiliateSettingsPayload,
  useUpdateAffiliateSettings,
} from "../../hooks/api/affiliate-settings"
import { FieldGroup } from "../common/field-group"
import { AddRowButton, RemoveRowButton, RowError } from "../common/field-rows"
import { InputField, RATE_INPUT, SwitchField } from "../common/form-field"
import { parseRate, validateRate } from "../../lib/form-values"
import { AttributionOrderField } from "./attribution-order-field"

type SettingsFormValues = {
  default_commission_rate: string
  auto_approve: boolean
  auto_approve_commissions: boolean
  auto_connect: boolean
  attribution_order: AttributionMethod[]
  hold_days: string
  /** One row per currency; amounts in major units, as typed. */
  minimum_payouts: { currency_code: string; amount: string }[]
}

type SwitchName = "auto_approve" | "auto_approve_commissions" | "auto_connect"

const SWITCHES: { name: SwitchName; label: string; description: string }[] = [
  {
    name: "auto_approve",
    label: "Auto-approve new affiliates",
    description:
      "Affiliates who sign up from the storefront are approved at once, instead of waiting as pending.",
  },
  {
    name: "auto_approve_commissions",
    label: "Auto-approve commissions",
    description:
      "New commissions are approved when they are created, instead of waiting for review.",
  },
  {
    name: "auto_connect",
    label: "Auto-connect referred customers",
    description:
      "A customer who orders through an affiliate's link or coupon is connected to that affiliate, so their later orders credit them too.",
  },
]

const toFormValues = (settings: AffiliateSettings): SettingsFormValues => ({
  default_commission_rate: String(settings.default_commission_rate),
  auto_approve: settings.auto_approve,
  auto_approve_commissions: settings.auto_approve_commissions,
  auto_connect: settings.auto_connect,
  attribution_order: settings.attribution_order,
  hold_days: String(settings.hold_days),
  minimum_payouts: Object.entries(settings.minimum_payouts ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, amount]) => ({ currency_code, amount: String(amount) })),
})

const toMinimumPayouts = (rows: SettingsFormValues["minimum_payouts"]) =>
  rows.length
    ? Object.fromEntries(
        rows.map((row) => [row.currency_code.trim().toLowerCase(), Number(row.amount)])
      )
    : null

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

/**
 * Sends only what changed: the rate shown is the one in effect, which may
 * come from the plugin's option, and saving it untouched would pin it.
 */
const toPayload = (
  values: SettingsFormValues,
  saved: SettingsFormValues
): UpdateAffiliateSettingsPayload => {
  const payload: UpdateAffiliateSettingsPayload = {}
  if (values.default_commission_rate.trim() !== saved.default_commission_rate) {
    payload.default_commission_rate = parseRate(values.default_commission_rate)
  }
  for (const { name } of SWITCHES) {
    if (values[name] !== saved[name]) {
      payload[name] = values[name]
    }
  }
  if (values.attribution_order.join() !== saved.attribution_order.join()) {
    payload.attribution_order = values.attribution_order
  }
  if (values.hold_days.trim() !== saved.hold_days) {
    payload.hold_days = Number(values.hold_days)
  }
  const minimums = toMinimumPayouts(values.minimum_payouts)
  if (JSON.stringify(minimums) !== JSON.stringify(toMinimumPayouts(saved.minimum_payouts))) {
    payload.minimum_payouts = minimums
  }
  return payload
}

/** The affiliate program's settings, from the settings in effect. */
export const SettingsForm = ({ settings }: { settings: AffiliateSettings }) => {
  const updateSettings = useUpdateAffiliateSettings()
  const form = useForm<SettingsFormValues>({
    defaultValues: toFormValues(settings),
  })
  const { errors } = form.formState
  const minimumRows = useFieldArray({ control: form.control, name: "minimum_payouts" })

  const onSubmit = form.handleSubmit((values) => {
    updateSettings.mutate(toPayload(values, toFormValues(settings)), {
      onSuccess: ({ affiliate_settings }) =>
        form.reset(toFormValues(affiliate_settings)),
    })
  })

  return (
    <Container className="p-0">
      <form noValidate onSubmit={onSubmit} className="divide-y">
        <div className="px-6 py-4">
          <Heading>Affiliate settings</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Rates and rules of the affiliate program.
          </Text>
        </div>

        <FieldGroup
          beside
          title="Commission"
          description="The rate of affiliates without a rate of their own."
        >
          <InputField
            id="settings-default-commission-rate"
            label="Default commission rate (%)"
            hint="Leave empty to use the rate set in the plugin's options."
            error={errors.default_commission_rate?.message}
            {...RATE_INPUT}
            {...form.register("default_commission_rate", { validate: validateRate })}
          />
        </FieldGroup>

        <FieldGroup
          beside
          title="Automation"
          description="What happens without an admin's review."
        >
          {SWITCHES.map(({ name, label, description }) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <SwitchField
                  id={`settings-${name}`}
                  label={label}
                  description={description}
                  checked={field.value}
                  onCheckedChange={field.onChange}
                />
              )}
            />
          ))}
        </FieldGroup>

        <FieldGroup
          beside
          title="Attribution order"
          description="When an order qualifies for more than one affiliate, the first method that applies decides who is credited."
        >
          <Controller
            control={form.control}
            name="attribution_order"
            render={({ field }) => (
              <AttributionOrderField value={field.value} onChange={field.onChange} />
            )}
          />
        </FieldGroup>

        <FieldGroup
          beside
          title="Payouts"
          description="When commissions can be paid, and the smallest payout worth sending."
        >
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
                      {...form.register(`minimum_payouts.${index}.amount`, {
                        validate: validateAmount,
                      })}
                    />
                    <RemoveRowButton
                      label="Remove minimum"
                      onClick={() => minimumRows.remove(index)}
                    />
                  </div>
                  <RowError
                    messages={[rowErrors?.currency_code?.message, rowErrors?.amount?.message]}
                  />
                </div>
              )
            })}
            <AddRowButton onClick={() => minimumRows.append({ currency_code: "", amount: "" })}>
              Add minimum
            </AddRowButton>
          </div>
        </FieldGroup>

        <div className="flex justify-end px-6 py-4">
          <Button type="submit" size="small" isLoading={updateSettings.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Container>
  )
}
