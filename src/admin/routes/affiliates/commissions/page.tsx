import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useAffiliateFilter } from "../../../components/affiliates/affiliate-filter"
import { CommissionList } from "../../../components/commissions/commission-list"
import {
  ATTRIBUTIONS,
  ATTRIBUTION_LABELS,
  COMMISSION_STATUSES,
  COMMISSION_STATUS_LABELS,
} from "../../../components/commissions/status-badge"
import { SectionHeader } from "../../../components/common/section-header"
import {
  type AffiliateCommission,
  useAffiliateCommissions,
  useExportAffiliateCommissions,
} from "../../../hooks/api/affiliate-commissions"
import { useListState } from "../../../hooks/use-list-state"
import {
  pickedDateRange,
  pickedIds,
  pickedValue,
  pickedValues,
} from "../../../lib/list-filters"

const filterHelper = createDataTableFilterHelper<AffiliateCommission>()

const staticFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: COMMISSION_STATUSES.map((status) => ({
      label: COMMISSION_STATUS_LABELS[status],
      value: status,
    })),
  }),
  filterHelper.accessor("attribution", {
    type: "multiselect",
    label: "Attribution",
    options: ATTRIBUTIONS.map((attribution) => ({
      label: ATTRIBUTION_LABELS[attribution],
      value: attribution,
    })),
  }),
  // Self-referrals a program's `flag` policy left for the admin to review.
  filterHelper.accessor("flag", {
    type: "radio",
    label: "Flagged",
    options: [{ label: "Self-referral", value: "self_referral" }],
  }),
]

const FLAGS = ["self_referral"] as const

const DAY_MS = 24 * 60 * 60 * 1000

/** "Last 7 days" and friends, plus the filter's own custom range. */
const createdAtFilter = (now: number) =>
  filterHelper.accessor("created_at", {
    type: "date",
    label: "Created",
    format: "date",
    rangeOptionLabel: "Custom range",
    options: [7, 30, 90].map((days) => ({
      label: `Last ${days} days`,
      value: { $gte: new Date(now - days * DAY_MS).toISOString() },
    })),
  })

const AffiliateCommissionsPage = () => {
  const affiliateFilter = useAffiliateFilter()
  const filters = useMemo(
    () => [...staticFilters, createdAtFilter(Date.now()), affiliateFilter],
    [affiliateFilter]
  )
  const list = useListState({ filters, order: "-created_at" })
  const { filtering } = list
  const query = {
    ...list.query,
    status: pickedValues(COMMISSION_STATUSES, filtering.status),
    attribution: pickedValues(ATTRIBUTIONS, filtering.attribution),
    flag: pickedValue(FLAGS, filtering.flag),
    affiliate_id: pickedIds(filtering.affiliate_id),
    created_at: pickedDateRange(filtering.created_at),
  }
  const { data, isLoading } = useAffiliateCommissions(query)
  const exportCsv = useExportAffiliateCommissions()

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Affiliate commissions"
        description="What each order earned its affiliate: approve, reject or mark commissions paid."
        actions={[
          {
            label: "Export CSV",
            onClick: () => exportCsv.mutate(query),
            isLoading: exportCsv.isPending,
          },
        ]}
      />
      <CommissionList
        list={list}
        page={data}
        isLoading={isLoading}
        emptyDescription="Orders referred by an affiliate, or placed by their connected customers, appear here."
        ledger={{
          searchPlaceholder: "Search buyer email or name",
          noMatch: "No commissions match",
        }}
      />
    </Container>
  )
}

// Nested under Affiliates in the sidebar (its path is under /affiliates).
export const config = defineRouteConfig({
  label: "Commissions",
  rank: 2,
})

// Medusa nests extension routes by path: the trail reads "Affiliates › Commissions".
export const handle = {
  breadcrumb: () => "Commissions",
}

export default AffiliateCommissionsPage
