import { Heading, Input, RadioGroup, Select, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Controller, type FieldPath, useFormContext } from "react-hook-form"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { FormField } from "../common/form-field"
import { formatRate } from "../../lib/format"
import { validateRate, validateWholeNumber } from "../../lib/form-values"
import {
  CONNECTION_LIFETIME_LABELS,
  SELF_REFERRAL_LABELS,
  TIER_METRIC_LABELS,
  TIER_PERIOD_LABELS,
} from "./program-labels"
import {
  CurrencyAmountsInput,
  validateCurrencyAmounts,
} from "../common/currency-amounts-input"
import { PROGRAM_LIMITS, type ProgramFormValues } from "./program-form"
import { TiersField } from "./tiers-field"

type Option = { value: string; label: string }

const options = <T extends string>(labels: Record<T, string>): Option[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))

/** A Select bound to one of the form's string fields. */
const SelectField = ({
  id,
  name,
  label,
  hint,
  choices,
}: {
  id: string
  name: FieldPath<ProgramFormValues>
  label: string
  hint?: string
  choices: Option[]
}) => {
  const { control } = useFormContext<ProgramFormValues>()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField id={id} label={label} hint={hint} error={fieldState.error?.message}>
          <Select value={field.value as string} onValueChange={field.onChange}>
            <Select.Trigger id={id} ref={field.ref}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {choices.map((choice) => (
                <Select.Item key={choice.value} value={choice.value}>
                  {choice.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
      )}
    />
  )
}

const Group = ({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) => (
  <section className="flex flex-col gap-y-4" aria-label={title}>
    <div className="flex flex-col gap-y-1">
      <Heading level="h3">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </section>
)

/**
 * Every term of a program: its commission (a rate or a fixed amount per
 * order), how long connections last, approval, self-referrals and tiers.
 */
export const ProgramTermsFields = ({ idPrefix }: { idPrefix: string }) => {
  const {
    control,
    register,
    watch,
    formState: { errors },
  } = useFormContext<ProgramFormValues>()
  const { data: settings } = useAffiliateSettings()
  const storeSettings = settings?.affiliate_settings
  const id = (field: string) => `${idPrefix}-${field}`
  const [commissionType, lifetime, tierMetric] = watch([
    "commission_type",
    "connection_lifetime",
    "tier_metric",
  ])

  return (
    <div className="flex flex-col gap-y-8">
      <FormField id={id("name")} label="Name" error={errors.name?.message}>
        <Input
          id={id("name")}
          aria-invalid={Boolean(errors.name)}
          {...register("name", {
            validate: (name) => {
              if (!name.trim()) {
                return "Enter the program's name"
              }
              return (
                name.trim().length <= PROGRAM_LIMITS.name ||
                `Use at most ${PROGRAM_LIMITS.name} characters`
              )
            },
          })}
        />
      </FormField>

      <Group
        title="Commission"
        description="What an order earns when no rule matches its products."
      >
        <Controller
          control={control}
          name="commission_type"
          render={({ field }) => (
            <RadioGroup
              className="grid grid-cols-1 gap-3 sm:grid-cols-2"
              value={field.value}
              onValueChange={field.onChange}
              aria-label="Commission type"
            >
              <RadioGroup.ChoiceBox
                value="percentage"
                label="Percentage"
                description="A rate of each line's total after discounts"
              />
              <RadioGroup.ChoiceBox
                value="fixed"
                label="Fixed per order"
                description="The same amount on every order, per currency"
              />
            </RadioGroup>
          )}
        />
        {commissionType === "percentage" ? (
          <FormField
            id={id("commission_rate")}
            label="Commission rate (%)"
            optional
            hint={`Leave empty to use the store's default rate${
              storeSettings ? ` (${formatRate(storeSettings.default_commission_rate)})` : ""
            }. An affiliate's own rate comes first.`}
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
        ) : (
          <Controller
            control={control}
            name="commission_amounts"
            rules={{
              validate: (amounts, values) =>
                values.commission_type !== "fixed" || validateCurrencyAmounts(amounts),
            }}
            render={({ field, fieldState }) => (
              <FormField
                id={id("commission_amounts")}
                label="Amount per order"
                hint="Orders in a currency without an amount earn nothing by default."
                error={fieldState.error?.message}
              >
                <CurrencyAmountsInput
                  idPrefix={id("commission_amounts")}
                  value={field.value}
                  onChange={field.onChange}
                  invalid={Boolean(fieldState.error)}
                />
              </FormField>
            )}
          />
        )}
      </Group>

      <Group
        title="Connections and referrals"
        description="How long a connected customer's orders credit the affiliate, and how long a referral link counts."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            id={id("connection_lifetime")}
            name="connection_lifetime"
            label="Connection lasts"
            choices={options(CONNECTION_LIFETIME_LABELS)}
          />
          {lifetime !== "forever" && (
            <FormField
              id={id("connection_lifetime_value")}
              label={lifetime === "days" ? "Days" : "Orders"}
              hint={
                lifetime === "days"
                  ? "From the day the customer was connected."
                  : "Orders credited through the connection."
              }
              error={errors.connection_lifetime_value?.message}
            >
              <Input
                id={id("connection_lifetime_value")}
                type="number"
                min={1}
                step={1}
                aria-invalid={Boolean(errors.connection_lifetime_value)}
                {...register("connection_lifetime_value", {
                  validate: (value, values) => {
                    if (values.connection_lifetime === "forever") {
                      return true
                    }
                    const max = PROGRAM_LIMITS[values.connection_lifetime]
                    return validateWholeNumber(max, `Enter a whole number from 1 to ${max}`)(value)
                  },
                })}
              />
            </FormField>
          )}
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <FormField
            id={id("referral_window_days")}
            label="Referral window (days)"
            optional
            hint="How long a referral code on a cart is honoured. Empty: as long as the cart lives."
            error={errors.referral_window_days?.message}
          >
            <Input
              id={id("referral_window_days")}
              type="number"
              min={1}
              step={1}
              aria-invalid={Boolean(errors.referral_window_days)}
              {...register("referral_window_days", {
                validate: validateWholeNumber(
                  PROGRAM_LIMITS.referralWindowDays,
                  `Enter a whole number of days from 1 to ${PROGRAM_LIMITS.referralWindowDays}`,
                  { optional: true }
                ),
              })}
            />
          </FormField>
        </div>
      </Group>

      <Group
        title="Approval"
        description="Whether new commissions wait for review, and what happens when affiliates buy through their own link."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            id={id("auto_approve_commissions")}
            name="auto_approve_commissions"
            label="Auto-approve commissions"
            choices={[
              {
                value: "store",
                label: storeSettings
                  ? `Store setting (${storeSettings.auto_approve_commissions ? "yes" : "no"})`
                  : "Store setting",
              },
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <SelectField
            id={id("self_referral_policy")}
            name="self_referral_policy"
            label="Self-referrals"
            hint="Orders an affiliate places themselves."
            choices={options(SELF_REFERRAL_LABELS)}
          />
        </div>
      </Group>

      <Group
        title="Performance tiers"
        description="The rate steps up as the affiliate's credited revenue or orders grow. Rules on products keep their own rate."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Controller
            control={control}
            name="tier_metric"
            rules={{
              validate: (metric, values) =>
                metric === "none" || values.tiers.length > 0 || "Add at least one tier",
            }}
            render={({ field, fieldState }) => (
              <FormField
                id={id("tier_metric")}
                label="Tiers by"
                error={fieldState.error?.message}
              >
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id={id("tier_metric")} ref={field.ref}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="none">No tiers</Select.Item>
                    {options(TIER_METRIC_LABELS).map((choice) => (
                      <Select.Item key={choice.value} value={choice.value}>
                        {choice.label}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </FormField>
            )}
          />
          {tierMetric !== "none" && (
            <SelectField
              id={id("tier_period")}
              name="tier_period"
              label="Counted over"
              choices={options(TIER_PERIOD_LABELS)}
            />
          )}
        </div>
        {tierMetric !== "none" && <TiersField idPrefix={idPrefix} />}
      </Group>
    </div>
  )
}
