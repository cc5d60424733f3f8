import { useState } from "react"
import type { RuleTarget } from "../../hooks/api/affiliate-programs"
import { type RuleTargetOption, useRuleTargets } from "../../hooks/api/medusa-catalog"
import { PickList } from "../common/pick-list"
import { RULE_TARGET_LABELS } from "./program-labels"

const PLURALS: Record<RuleTarget, string> = {
  product: "Products",
  category: "Categories",
  collection: "Collections",
  type: "Product types",
}

type RuleTargetPickerProps = {
  target: RuleTarget
  value: RuleTargetOption | null
  onChange: (option: RuleTargetOption | null) => void
}

/** Searches the store's products, categories, collections or product types. */
export const RuleTargetPicker = ({ target, value, onChange }: RuleTargetPickerProps) => {
  const [search, setSearch] = useState("")
  const { data, isLoading } = useRuleTargets(target, search)
  const options = data ?? []
  const noun = RULE_TARGET_LABELS[target].toLowerCase()

  return (
    <PickList
      label={PLURALS[target]}
      placeholder={`Search ${PLURALS[target].toLowerCase()}`}
      emptyText={search ? `No ${noun} matches "${search}"` : `The store has no ${noun} yet`}
      isLoading={isLoading}
      options={options.map((option) => ({
        id: option.id,
        title: option.label,
        description: option.description,
      }))}
      selected={value ? { id: value.id, title: value.label, description: value.description } : null}
      onSearchChange={setSearch}
      onSelect={(id) => onChange(options.find((option) => option.id === id) ?? null)}
      onClear={() => onChange(null)}
    />
  )
}
