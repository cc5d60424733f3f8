import { Button, Container, Heading, Input, Label, Switch, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Controller, useForm } from "react-hook-form"
import {
  type AffiliateSettings,
  type AttributionMethod,
  type UpdateAffiliateSettingsPayload,
  useUpdateAffiliateSettings,
} from "../../hooks/api/affiliate-settings"
import { FormField } from "./affiliate-profile-fields"
import { AttributionOrderField } from "./attribution-order-field"
import { parseRate, validateRate } from "./format"

type SettingsFormValues = {
  default_commission_rate: string
  auto_approve: boolean
  auto_approve_commissions: boolean
  auto_connect: boolean
  attribution_order: AttributionMethod[]
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
})

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
  return payload
}

const Section = ({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) => (
  <section className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
    <div className="flex flex-col gap-y-1">
      <Heading level="h2">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    <div className="flex flex-col gap-y-4">{children}</div>
  </section>
)

/** The affiliate program's settings, from the settings in effect. */
export const SettingsForm = ({ settings }: { settings: AffiliateSettings }) => {
  const updateSettings = useUpdateAffiliateSettings()
  const form = useForm<SettingsFormValues>({
    defaultValues: toFormValues(settings),
  })
  const { errors } = form.formState

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

        <Section
          title="Commission"
          description="The rate of affiliates without a rate of their own."
        >
          <FormField
            id="settings-default-commission-rate"
            label="Default commission rate (%)"
            hint="Leave empty to use the rate set in the plugin's options."
            error={errors.default_commission_rate?.message}
          >
            <Input
              id="settings-default-commission-rate"
              type="number"
              min={0}
              max={100}
              step="any"
              aria-invalid={Boolean(errors.default_commission_rate)}
              {...form.register("default_commission_rate", {
                validate: validateRate,
              })}
            />
          </FormField>
        </Section>

        <Section
          title="Automation"
          description="What happens without an admin's review."
        >
          {SWITCHES.map(({ name, label, description }) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <div className="flex items-start gap-x-3">
                  <Switch
                    id={`settings-${name}`}
                    className="shrink-0"
                    checked={field.value}
                    onCheckedChange={field.onChange}
                  />
                  <div className="flex flex-col">
                    <Label size="small" weight="plus" htmlFor={`settings-${name}`}>
                      {label}
                    </Label>
                    <Text size="small" className="text-ui-fg-subtle">
                      {description}
                    </Text>
                  </div>
                </div>
              )}
            />
          ))}
        </Section>

        <Section
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
        </Section>

        <div className="flex justify-end px-6 py-4">
          <Button type="submit" size="small" isLoading={updateSettings.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Container>
  )
}
