import { Text } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import {
  type AffiliateCommissionRule,
  type AffiliateCommissionRulePayload,
  type RuleKind,
  type RuleTarget,
  useCreateCommissionRule,
  useUpdateCommissionRule,
} from "../../hooks/api/affiliate-programs"
import type { RuleTargetOption } from "../../hooks/api/medusa-catalog"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import { ControlledField, InputField, RATE_INPUT } from "../common/form-field"
import { SelectField, choicesOf } from "../common/choice-fields"
import { SummaryCard } from "../common/summary-card"
import { validateRate } from "../../lib/form-values"
import { RULE_KIND_LABELS, RULE_TARGET_LABELS } from "./program-labels"
import {
  CurrencyAmountsField,
  type CurrencyAmountValues,
  fromCurrencyAmounts,
  toCurrencyAmounts,
} from "../common/currency-amounts-input"
import { RuleTargetPicker } from "./rule-target-picker"

type RuleDrawerProps = {
  programId: string
  /** The rule to edit; without one the drawer adds a rule. */
  rule?: AffiliateCommissionRule | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

type RuleFormValues = {
  target: RuleTarget
  picked: RuleTargetOption | null
  kind: RuleKind
  rate: string
  amounts: CurrencyAmountValues
}

const toPayload = (values: RuleFormValues): Omit<AffiliateCommissionRulePayload, "target_id"> => ({
  target: values.target,
  kind: values.kind,
  rate: values.kind === "percentage" ? Number(values.rate) : null,
  amounts: values.kind === "fixed" ? toCurrencyAmounts(values.amounts) : null,
})

/**
 * Adds or edits a commission rule: what it targets (picked from the store's
 * catalog) and what matching lines earn.
 */
export const RuleDrawer = ({ programId, rule, open, onOpenChange }: RuleDrawerProps) => (
  <FormDrawer title={rule ? "Edit rule" : "Add rule"} open={open} onOpenChange={onOpenChange}>
    <RuleForm programId={programId} rule={rule ?? null} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const RuleForm = ({
  programId,
  rule,
  onDone,
}: {
  programId: string
  rule: AffiliateCommissionRule | null
  onDone: () => void
}) => {
  const createRule = useCreateCommissionRule(programId)
  const updateRule = useUpdateCommissionRule(programId)
  const form = useForm<RuleFormValues>({
    defaultValues: rule
      ? {
          target: rule.target,
          picked: {
            id: rule.target_id,
            label: rule.target_label ?? rule.target_id,
            description: rule.target_label ? rule.target_id : "Deleted from the store",
          },
          kind: rule.kind,
          rate: rule.rate === null ? "" : String(rule.rate),
          amounts: fromCurrencyAmounts(rule.amounts),
        }
      : { target: "collection", picked: null, kind: "percentage", rate: "", amounts: {} },
  })
  const { errors } = form.formState
  const [target, kind] = form.watch(["target", "kind"])

  const onSubmit = form.handleSubmit((values) => {
    if (!values.picked) {
      return
    }
    const { target: ruleTarget, ...terms } = toPayload(values)
    if (rule) {
      // A rule keeps its target: the server takes only its commission.
      updateRule.mutate({ id: rule.id, ...terms }, { onSuccess: onDone })
    } else {
      createRule.mutate(
        { target: ruleTarget, target_id: values.picked.id, ...terms },
        { onSuccess: onDone }
      )
    }
  })

  return (
    <DrawerForm
      onSubmit={onSubmit}
      submitLabel={rule ? "Save" : "Add rule"}
      isSubmitting={createRule.isPending || updateRule.isPending}
    >
      <Text size="small" className="text-ui-fg-subtle">
        A line item takes the most specific rule that matches it: product,
        then category, collection and product type. Other lines earn the
        program's commission.
      </Text>
      <SelectField
        control={form.control}
        name="target"
        id="rule-target"
        label="Applies to"
        choices={choicesOf(RULE_TARGET_LABELS)}
        disabled={Boolean(rule)}
        // An id of another kind means nothing.
        onChange={() => form.setValue("picked", null)}
      />
      <ControlledField
        control={form.control}
        name="picked"
        label={RULE_TARGET_LABELS[target]}
        rules={{
          validate: (picked) =>
            Boolean(picked) || `Select a ${RULE_TARGET_LABELS[target].toLowerCase()}`,
        }}
      >
        {(field) =>
          rule && field.value ? (
            // To target something else, delete the rule and add another.
            <SummaryCard title={field.value.label} description={field.value.description} />
          ) : (
            <RuleTargetPicker target={target} value={field.value} onChange={field.onChange} />
          )
        }
      </ControlledField>
      <SelectField
        control={form.control}
        name="kind"
        id="rule-kind"
        label="Commission"
        choices={choicesOf(RULE_KIND_LABELS)}
      />
      {kind === "percentage" && (
        <InputField
          id="rule-rate"
          label="Rate (%)"
          error={errors.rate?.message}
          {...RATE_INPUT}
          {...form.register("rate", {
            validate: (value, values) =>
              values.kind !== "percentage" ||
              (value.trim() === "" ? "Enter the rule's rate" : validateRate(value)),
          })}
        />
      )}
      {kind === "fixed" && (
        <CurrencyAmountsField
          control={form.control}
          name="amounts"
          id="rule-amounts"
          label="Amount per unit"
          hint="In a currency without an amount, the rule does not apply: a less specific rule or the program's commission does."
          inUse={(values) => values.kind === "fixed"}
        />
      )}
    </DrawerForm>
  )
}
