import { Controller, useForm } from "react-hook-form"
import {
  type AffiliateSettings,
  type UpdateAffiliateSettingsPayload,
  useUpdateAffiliateSettings,
} from "../../hooks/api/affiliate-settings"
import { formatRate } from "../../lib/format"
import { parseRate, validateRate } from "../../lib/form-values"
import { DrawerForm } from "../common/form-drawer"
import { InputField, RATE_INPUT, SwitchField } from "../common/form-field"
import { SectionRow } from "../common/section-row"
import { onOff } from "./on-off"
import { SettingsSection } from "./settings-section"

type SwitchName = "auto_approve" | "auto_approve_commissions" | "auto_connect"

const SWITCHES: { name: SwitchName; label: string; description: string }[] = [
  {
    name: "auto_approve",
    label: "Auto-approve new affiliates",
    description: "Affiliates who sign up from the storefront are approved at once, instead of waiting as pending.",
  },
  {
    name: "auto_approve_commissions",
    label: "Auto-approve commissions",
    description: "New commissions are approved when they are created, instead of waiting for review.",
  },
  {
    name: "auto_connect",
    label: "Auto-connect referred customers",
    description:
      "A customer who orders through an affiliate's link or coupon is connected to that affiliate, so their later orders credit them too.",
  },
]

type GeneralValues = Record<SwitchName, boolean> & { default_commission_rate: string }

const toValues = (settings: AffiliateSettings): GeneralValues => ({
  default_commission_rate: String(settings.default_commission_rate),
  auto_approve: settings.auto_approve,
  auto_approve_commissions: settings.auto_approve_commissions,
  auto_connect: settings.auto_connect,
})

/**
 * Only what changed: the rate shown is the one in effect, which may come
 * from the plugin's option, and saving it untouched would pin it.
 */
const toPayload = (values: GeneralValues, saved: GeneralValues): UpdateAffiliateSettingsPayload => {
  const payload: UpdateAffiliateSettingsPayload = {}
  if (values.default_commission_rate.trim() !== saved.default_commission_rate) {
    payload.default_commission_rate = parseRate(values.default_commission_rate)
  }
  for (const { name } of SWITCHES) {
    if (values[name] !== saved[name]) {
      payload[name] = values[name]
    }
  }
  return payload
}

/** The program's default rate and what happens without an admin's review. */
export const GeneralSettingsSection = ({ settings }: { settings: AffiliateSettings }) => (
  <SettingsSection
    testId="general-settings-section"
    level="h1"
    title="Affiliate settings"
    description="Rates and rules of the affiliate program."
    drawerTitle="Edit affiliate settings"
    form={(close) => <GeneralSettingsForm settings={settings} onDone={close} />}
  >
    <SectionRow label="Default commission rate">{formatRate(settings.default_commission_rate)}</SectionRow>
    {SWITCHES.map(({ name, label }) => (
      <SectionRow key={name} label={label}>
        {onOff(settings[name])}
      </SectionRow>
    ))}
  </SettingsSection>
)

const GeneralSettingsForm = ({ settings, onDone }: { settings: AffiliateSettings; onDone: () => void }) => {
  const update = useUpdateAffiliateSettings()
  const form = useForm<GeneralValues>({ defaultValues: toValues(settings) })
  const onSubmit = form.handleSubmit((values) =>
    update.mutate(toPayload(values, toValues(settings)), { onSuccess: onDone })
  )

  return (
    <DrawerForm onSubmit={onSubmit} submitLabel="Save" isSubmitting={update.isPending}>
      <InputField
        id="settings-default-commission-rate"
        label="Default commission rate (%)"
        hint="The rate of affiliates without a rate of their own or a program's. Leave empty to use the plugin's option."
        error={form.formState.errors.default_commission_rate?.message}
        {...RATE_INPUT}
        {...form.register("default_commission_rate", { validate: validateRate })}
      />
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
    </DrawerForm>
  )
}
