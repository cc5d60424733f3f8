import { Controller, useFormContext } from "react-hook-form"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { formatRate } from "../../lib/format"
import { validateRate, validateWholeNumber } from "../../lib/form-values"
import { FieldGroup } from "../common/field-group"
import { CurrencyAmountsField } from "../common/currency-amounts-input"
import { InputField, RATE_INPUT, SwitchField } from "../common/form-field"
import { ChoiceBoxesField, SelectField, choicesOf } from "../common/choice-fields"
import { DEFAULT_COUPON_PERCENTAGE, PROGRAM_LIMITS, type ProgramFormValues } from "./program-form"
import {
  CONNECTION_LIFETIME_LABELS,
  SELF_REFERRAL_LABELS,
  TIER_METRIC_LABELS,
  TIER_PERIOD_LABELS,
  formatAutoApprove,
} from "./program-labels"
import { TiersField } from "./tiers-field"

/**
 * Every term of a program: its commission (a rate or a fixed amount per
 * order), how long connections last, approval, self-referrals, tiers and
 * the affiliates' coupons.
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
      <InputField
        id={id("name")}
        label="Name"
        error={errors.name?.message}
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

      <FieldGroup
        title="Commission"
        description="What an order earns when no rule matches its products."
      >
        <ChoiceBoxesField
          control={control}
          name="commission_type"
          label="Commission type"
          choices={[
            {
              value: "percentage",
              label: "Percentage",
              description: "A rate of each line's total after discounts",
            },
            {
              value: "fixed",
              label: "Fixed per order",
              description: "The same amount on every order, per currency",
            },
          ]}
        />
        {commissionType === "percentage" ? (
          <InputField
            id={id("commission_rate")}
            label="Commission rate (%)"
            optional
            hint={`Leave empty to use the store's default rate${
              storeSettings ? ` (${formatRate(storeSettings.default_commission_rate)})` : ""
            }. An affiliate's own rate comes first.`}
            error={errors.commission_rate?.message}
            {...RATE_INPUT}
            {...register("commission_rate", { validate: validateRate })}
          />
        ) : (
          <CurrencyAmountsField
            control={control}
            name="commission_amounts"
            id={id("commission_amounts")}
            label="Amount per order"
            hint="Orders in a currency without an amount earn nothing by default."
            inUse={(values) => values.commission_type === "fixed"}
          />
        )}
      </FieldGroup>

      <FieldGroup
        title="Connections and referrals"
        description="How long a connected customer's orders credit the affiliate, and how long a referral link counts."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            control={control}
            name="connection_lifetime"
            id={id("connection_lifetime")}
            label="Connection lasts"
            choices={choicesOf(CONNECTION_LIFETIME_LABELS)}
          />
          {lifetime !== "forever" && (
            <InputField
              id={id("connection_lifetime_value")}
              label={lifetime === "days" ? "Days" : "Orders"}
              hint={
                lifetime === "days"
                  ? "From the day the customer was connected."
                  : "Orders credited through the connection."
              }
              error={errors.connection_lifetime_value?.message}
              type="number"
              min={1}
              step={1}
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
          )}
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <InputField
            id={id("referral_window_days")}
            label="Referral window (days)"
            optional
            hint="How long a referral code on a cart is honoured. Empty: as long as the cart lives."
            error={errors.referral_window_days?.message}
            type="number"
            min={1}
            step={1}
            {...register("referral_window_days", {
              validate: validateWholeNumber(
                PROGRAM_LIMITS.referralWindowDays,
                `Enter a whole number of days from 1 to ${PROGRAM_LIMITS.referralWindowDays}`,
                { optional: true }
              ),
            })}
          />
        </div>
      </FieldGroup>

      <FieldGroup
        title="Approval"
        description="Whether new commissions wait for review, and what happens when affiliates buy through their own link."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            control={control}
            name="auto_approve_commissions"
            id={id("auto_approve_commissions")}
            label="Auto-approve commissions"
            choices={[
              {
                value: "store",
                label: formatAutoApprove(null, storeSettings?.auto_approve_commissions),
              },
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <SelectField
            control={control}
            name="self_referral_policy"
            id={id("self_referral_policy")}
            label="Self-referrals"
            hint="Orders an affiliate places themselves."
            choices={choicesOf(SELF_REFERRAL_LABELS)}
          />
        </div>
      </FieldGroup>

      <FieldGroup
        title="Performance tiers"
        description="The rate steps up as the affiliate's credited revenue or orders grow. Rules on products keep their own rate."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            control={control}
            name="tier_metric"
            id={id("tier_metric")}
            label="Tiers by"
            choices={[{ value: "none", label: "No tiers" }, ...choicesOf(TIER_METRIC_LABELS)]}
            rules={{
              validate: (metric, values) =>
                metric === "none" || values.tiers.length > 0 || "Add at least one tier",
            }}
          />
          {tierMetric !== "none" && (
            <SelectField
              control={control}
              name="tier_period"
              id={id("tier_period")}
              label="Counted over"
              choices={choicesOf(TIER_PERIOD_LABELS)}
            />
          )}
        </div>
        {tierMetric !== "none" && <TiersField idPrefix={idPrefix} />}
      </FieldGroup>

      <FieldGroup
        title="Affiliate coupons"
        description="The coupon Create coupon makes on an affiliate's page: their own code, this discount off the order."
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <InputField
            id={id("coupon_percentage")}
            label="Coupon discount (%)"
            optional
            hint={`Empty: ${DEFAULT_COUPON_PERCENTAGE}%.`}
            error={errors.coupon_percentage?.message}
            type="number"
            min={1}
            max={100}
            step={1}
            {...register("coupon_percentage", {
              validate: validateWholeNumber(100, "Enter a whole number from 1 to 100", { optional: true }),
            })}
          />
        </div>
        <Controller
          control={control}
          name="auto_create_coupon"
          render={({ field }) => (
            <SwitchField
              id={id("auto_create_coupon")}
              label="A coupon for every affiliate"
              description="Each affiliate approved in this program gets their coupon, unless they have one."
              checked={field.value}
              onCheckedChange={field.onChange}
            />
          )}
        />
      </FieldGroup>
    </div>
  )
}
