import type { DataTableFilter } from "@medusajs/ui"
import { useMemo } from "react"
import { useAffiliatesForPicker } from "../../hooks/api/affiliate-connections"

/** A list's "Affiliate" filter (`affiliate_id`), offering the first 100 affiliates. */
export const useAffiliateFilter = () => {
  const { data } = useAffiliatesForPicker("", { limit: 100 })
  return useMemo(
    (): DataTableFilter => ({
      id: "affiliate_id",
      type: "multiselect",
      label: "Affiliate",
      searchable: true,
      options: (data?.affiliates ?? []).map((affiliate) => ({
        label: `${affiliate.name} (${affiliate.code})`,
        value: affiliate.id,
      })),
    }),
    [data]
  )
}
