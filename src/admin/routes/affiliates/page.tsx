import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Share } from "@medusajs/icons"
import {
  Badge,
  Copy,
  Container,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { AffiliateCommission } from "../../components/affiliates/affiliate-commission"
import { CreateAffiliateModal } from "../../components/affiliates/create-affiliate-modal"
import {
  AFFILIATE_STATUSES,
  AFFILIATE_STATUS_LABELS,
  AffiliateStatusBadge,
} from "../../components/affiliates/status-badge"
import { ListTable } from "../../components/common/list-table"
import { SectionHeader } from "../../components/common/section-header"
import {
  type AffiliateBalance,
  useAffiliateBalances,
} from "../../hooks/api/affiliate-payouts"
import { type AffiliateProgram, useAllAffiliatePrograms } from "../../hooks/api/affiliate-programs"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { type AffiliateWithStats, useAffiliates } from "../../hooks/api/affiliates"
import { useListState } from "../../hooks/use-list-state"
import { formatDate, formatMoneyList } from "../../lib/format"
import { pickedValues } from "../../lib/list-filters"

const columnHelper = createDataTableColumnHelper<AffiliateWithStats>()
const filterHelper = createDataTableFilterHelper<AffiliateWithStats>()

/** What the affiliate has earned, net of adjustments, in each currency. */
const formatEarnings = (affiliate: AffiliateWithStats) =>
  formatMoneyList(
    affiliate.commission_totals.map((totals) => ({
      amount: totals.net,
      currency_code: totals.currency_code,
    }))
  ) || "-"

type BalancesByAffiliate = Map<string, AffiliateBalance[]>

/** One part of an affiliate's balances, per currency ("€12.00, $4.00"); "-" when nothing. */
const formatBalancePart = (
  balances: AffiliateBalance[] | undefined,
  part: "payable" | "on_hold"
) =>
  formatMoneyList(
    (balances ?? [])
      .filter((balance) => balance[part] !== 0)
      .map((balance) => ({ amount: balance[part], currency_code: balance.currency_code }))
  ) || "-"

/**
 * The columns; the rate column needs the programs and the store's default
 * rate for affiliates without their own, the balance columns the page's balances.
 */
const useColumns = (
  programs: Map<string, AffiliateProgram>,
  defaultRate: number | undefined,
  balances: BalancesByAffiliate
) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Name",
        cell: ({ getValue }) => (
          <Text size="small" weight="plus" leading="compact">
            {getValue()}
          </Text>
        ),
      }),
      columnHelper.accessor("email", { header: "Email" }),
      columnHelper.accessor("code", {
        header: "Code",
        // With the referral link to copy (once the storefront's address is set).
        cell: ({ row }) => (
          <span className="flex items-center gap-x-1" onClick={(event) => event.stopPropagation()}>
            <Badge size="2xsmall">{row.original.code}</Badge>
            {row.original.referral_link && (
              <Copy
                content={row.original.referral_link}
                aria-label={`Copy the referral link of ${row.original.name}`}
                className="text-ui-fg-muted"
              />
            )}
          </span>
        ),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <AffiliateStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("commission_rate", {
        header: "Commission rate",
        cell: ({ row }) => (
          <AffiliateCommission
            rate={row.original.commission_rate}
            program={programs.get(row.original.program?.id ?? "")}
            defaultRate={defaultRate}
          />
        ),
      }),
      columnHelper.accessor("connected_customer_count", {
        header: "Customers",
      }),
      columnHelper.accessor("commission_totals", {
        header: "Earnings",
        cell: ({ row }) => formatEarnings(row.original),
      }),
      columnHelper.display({
        id: "payable",
        header: "Payable",
        cell: ({ row }) => (
          <span data-testid="affiliate-payable">
            {formatBalancePart(balances.get(row.original.id), "payable")}
          </span>
        ),
      }),
      columnHelper.display({
        id: "on_hold",
        header: "On hold",
        cell: ({ row }) => formatBalancePart(balances.get(row.original.id), "on_hold"),
      }),
      columnHelper.accessor("program", {
        header: "Program",
        cell: ({ getValue }) => getValue()?.name ?? <span className="text-ui-fg-muted">-</span>,
      }),
      columnHelper.accessor("created_at", {
        header: "Created",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
    ],
    [programs, defaultRate, balances]
  )

const filters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: AFFILIATE_STATUSES.map((status) => ({
      label: AFFILIATE_STATUS_LABELS[status],
      value: status,
    })),
  }),
]

const AffiliatesPage = () => {
  const [isCreateOpen, setIsCreateOpen] = useState(false)
  const list = useListState({ filters, order: "-created_at" })
  const { data, isLoading } = useAffiliates({
    ...list.query,
    status: pickedValues(AFFILIATE_STATUSES, list.filtering.status),
  })
  const { data: settings, isLoading: isLoadingSettings } = useAffiliateSettings()
  const affiliateIds = (data?.affiliates ?? []).map((affiliate) => affiliate.id)
  // One request for the page's affiliates: at most 20 of them, a few currencies each.
  const { data: balanceData } = useAffiliateBalances(
    { affiliate_id: affiliateIds, limit: 100 },
    { enabled: affiliateIds.length > 0 }
  )
  const balances = useMemo(() => {
    const byAffiliate: BalancesByAffiliate = new Map()
    for (const balance of balanceData?.affiliate_balances ?? []) {
      byAffiliate.set(balance.affiliate_id, [
        ...(byAffiliate.get(balance.affiliate_id) ?? []),
        balance,
      ])
    }
    return byAffiliate
  }, [balanceData])
  const { data: programData, isLoading: isLoadingPrograms } = useAllAffiliatePrograms()
  // The rows wait for what their commission column reads, rather than show "…" first.
  const isLoadingTerms = isLoadingSettings || isLoadingPrograms
  const programs = useMemo(
    () => new Map((programData?.programs ?? []).map((program) => [program.id, program])),
    [programData]
  )
  const columns = useColumns(
    programs,
    settings?.affiliate_settings.default_commission_rate,
    balances
  )

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title="Affiliates"
        description="People promoting the store, with their referral codes and commission rates."
        actions={[{ label: "Create", onClick: () => setIsCreateOpen(true) }]}
      />
      <ListTable
        list={list}
        columns={columns}
        data={isLoadingTerms ? undefined : data?.affiliates}
        count={data?.count}
        isLoading={isLoading || isLoadingTerms}
        searchPlaceholder="Search name, email or code"
        empty={{
          heading: "No affiliates yet",
          description: "Create an affiliate, or let people sign up from the storefront.",
        }}
        noMatch="No affiliates match"
        rowHref={(affiliate) => `/affiliates/${affiliate.id}`}
      />
      <CreateAffiliateModal open={isCreateOpen} onOpenChange={setIsCreateOpen} />
    </Container>
  )
}

// One sidebar entry, with Connections and Commissions nested under it; an icon
// no core page uses (Customers has Users).
export const config = defineRouteConfig({
  label: "Affiliates",
  icon: Share,
})

export const handle = {
  breadcrumb: () => "Affiliates",
}

export default AffiliatesPage
