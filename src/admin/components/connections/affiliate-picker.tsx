import { Badge } from "@medusajs/ui"
import { useState } from "react"
import {
  type AffiliateSummary,
  useAffiliatesForPicker,
} from "../../hooks/api/affiliate-connections"
import { PickList } from "../common/pick-list"

type AffiliatePickerProps = {
  value: AffiliateSummary | null
  onChange: (affiliate: AffiliateSummary | null) => void
  /** The customer's current affiliate, when changing it: not an option. */
  excludeId?: string
}

/** Picks an approved affiliate by name, email or code. */
export const AffiliatePicker = ({ value, onChange, excludeId }: AffiliatePickerProps) => {
  const [search, setSearch] = useState("")
  const { data, isLoading } = useAffiliatesForPicker(search, {
    status: "approved",
  })
  const affiliates = (data?.affiliates ?? []).filter(
    (affiliate) => affiliate.id !== excludeId
  )

  return (
    <PickList
      label="Affiliates"
      placeholder="Search affiliates by name, email or code"
      emptyText={
        search
          ? `No approved affiliate matches "${search}"`
          : "No approved affiliates yet"
      }
      isLoading={isLoading}
      options={affiliates.map((affiliate) => ({
        id: affiliate.id,
        title: affiliate.name,
        description: affiliate.email,
        extra: <Badge size="2xsmall">{affiliate.code}</Badge>,
      }))}
      selected={
        value
          ? {
              id: value.id,
              title: `${value.name} (${value.code})`,
              description: value.email,
            }
          : null
      }
      onSearchChange={setSearch}
      onSelect={(id) =>
        onChange(affiliates.find((affiliate) => affiliate.id === id) ?? null)
      }
      onClear={() => onChange(null)}
    />
  )
}
