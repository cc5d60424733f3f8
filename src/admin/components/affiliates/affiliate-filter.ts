import { useMemo } from "react"
import { useAffiliatesForPicker } from "../../hooks/api/affiliate-connections"

/** The first 100 affiliates, as the options of a table's "Affiliate" filter. */
export const useAffiliateFilterOptions = () => {
  const { data } = useAffiliatesForPicker("", { limit: 100 })
  return useMemo(
    () =>
      (data?.affiliates ?? []).map((affiliate) => ({
        label: `${affiliate.name} (${affiliate.code})`,
        value: affiliate.id,
      })),
    [data]
  )
}

/** The affiliate ids picked in that filter, or undefined when none are. */
export const pickedAffiliateIds = (value: unknown) =>
  Array.isArray(value) && value.length ? value.map(String) : undefined
