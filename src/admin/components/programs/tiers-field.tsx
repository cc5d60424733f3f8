import { Input, Text } from "@medusajs/ui"
import { useFieldArray, useFormContext } from "react-hook-form"
import { validateRate } from "../../lib/form-values"
import { AddRowButton, RemoveRowButton, RowError } from "../common/field-rows"
import { RATE_INPUT } from "../common/form-field"
import { PROGRAM_LIMITS, type ProgramFormValues } from "./program-form"

/**
 * The performance tiers: from each threshold of revenue (or orders) in the
 * period, the affiliate's rate is the tier's.
 */
export const TiersField = ({ idPrefix }: { idPrefix: string }) => {
  const {
    control,
    register,
    watch,
    formState: { errors },
  } = useFormContext<ProgramFormValues>()
  const rows = useFieldArray({ control, name: "tiers" })
  const metric = watch("tier_metric")

  return (
    <div className="flex flex-col gap-y-2" data-testid="program-tiers">
      {rows.fields.length > 0 && (
        <div className="text-ui-fg-subtle grid grid-cols-[1fr_1fr_28px] gap-x-2">
          <Text size="xsmall" weight="plus">
            From {metric === "orders" ? "orders" : "revenue"}
          </Text>
          <Text size="xsmall" weight="plus">
            Rate (%)
          </Text>
        </div>
      )}
      {rows.fields.map((row, index) => {
        const rowErrors = errors.tiers?.[index]
        return (
          <div key={row.id} className="flex flex-col gap-y-1">
            <div className="grid grid-cols-[1fr_1fr_28px] items-center gap-x-2">
              <Input
                id={`${idPrefix}-tier-${index}-threshold`}
                aria-label={`Tier ${index + 1} threshold`}
                type="number"
                min={0}
                step={metric === "orders" ? 1 : "any"}
                aria-invalid={Boolean(rowErrors?.threshold)}
                {...register(`tiers.${index}.threshold`, {
                  validate: (value, values) => {
                    const threshold = Number(value)
                    if (value.trim() === "" || !Number.isFinite(threshold) || threshold < 0) {
                      return "Enter a threshold of 0 or more"
                    }
                    if (values.tier_metric === "orders" && !Number.isInteger(threshold)) {
                      return "Enter a whole number of orders"
                    }
                    const same = values.tiers.filter((tier) => Number(tier.threshold) === threshold)
                    return same.length === 1 || "Two tiers have this threshold"
                  },
                })}
              />
              <Input
                id={`${idPrefix}-tier-${index}-rate`}
                aria-label={`Tier ${index + 1} rate`}
                {...RATE_INPUT}
                aria-invalid={Boolean(rowErrors?.rate)}
                {...register(`tiers.${index}.rate`, {
                  validate: (value) =>
                    value.trim() === "" ? "Enter the tier's rate" : validateRate(value),
                })}
              />
              <RemoveRowButton
                label={`Remove tier ${index + 1}`}
                onClick={() => rows.remove(index)}
              />
            </div>
            <RowError messages={[rowErrors?.threshold?.message, rowErrors?.rate?.message]} />
          </div>
        )
      })}
      <AddRowButton
        disabled={rows.fields.length >= PROGRAM_LIMITS.tiers}
        onClick={() => rows.append({ threshold: "", rate: "" })}
      >
        Add tier
      </AddRowButton>
    </div>
  )
}
