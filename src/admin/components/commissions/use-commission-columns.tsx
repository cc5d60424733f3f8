import { CheckCircle, CurrencyDollar, XCircle } from "@medusajs/icons"
import { Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import {
  type AffiliateCommission,
  type AffiliateCommissionTargetStatus,
  useUpdateAffiliateCommissions,
} from "../../hooks/api/affiliate-commissions"
import { actionsColumn } from "../common/action-menu"
import { AffiliateLink, TextLink } from "../common/text-link"
import { formatDate, formatMoney, formatRate } from "../../lib/format"
import { formatRejectionReason } from "./commission-reasons"
import { ACTION_LABELS, NEXT_STATUSES } from "./commission-actions"
import { AttributionBadge, CommissionFlagBadge, CommissionStatusBadge } from "./status-badge"

const columnHelper = createDataTableColumnHelper<AffiliateCommission>()

const ACTION_ICONS: Record<AffiliateCommissionTargetStatus, JSX.Element> = {
  approved: <CheckCircle />,
  paid: <CurrencyDollar />,
  rejected: <XCircle />,
}

const money = (amount: number, commission: AffiliateCommission) =>
  formatMoney(amount, commission.currency_code)

/** A pending commission still in its hold period (the return window). */
const isHeld = (commission: AffiliateCommission) =>
  commission.status === "pending" &&
  !!commission.available_at &&
  new Date(commission.available_at).getTime() > Date.now()

/**
 * The ledger's columns, with each row's moves as actions. Rejecting asks for
 * a reason, so it is handed to the caller's prompt.
 */
export const useCommissionColumns = ({
  onReject,
  selectable = false,
  showAffiliate = true,
}: {
  onReject: (ids: string[]) => void
  selectable?: boolean
  showAffiliate?: boolean
}) => {
  const { mutate: updateStatuses } = useUpdateAffiliateCommissions()

  return useMemo(
    () => [
      ...(selectable ? [columnHelper.select()] : []),
      columnHelper.accessor("created_at", {
        header: "Date",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.accessor("order_id", {
        header: "Order",
        cell: ({ row }) =>
          row.original.order_id ? (
            <TextLink to={`/orders/${row.original.order_id}`}>
              {row.original.order ? `#${row.original.order.display_id}` : "Order"}
            </TextLink>
          ) : (
            // No order: a bonus or deduction, named with its note.
            <span className="text-ui-fg-subtle" title={row.original.note ?? undefined}>
              {row.original.amount < 0 ? "Deduction" : "Bonus"}
            </span>
          ),
      }),
      ...(showAffiliate
        ? [
            columnHelper.accessor("affiliate", {
              header: "Affiliate",
              cell: ({ getValue }) => <AffiliateLink affiliate={getValue()} />,
            }),
          ]
        : []),
      columnHelper.accessor("customer", {
        header: "Buyer",
        cell: ({ getValue }) => {
          const customer = getValue()
          return customer ? (
            <TextLink to={`/customers/${customer.id}`}>{customer.email}</TextLink>
          ) : (
            <span className="text-ui-fg-muted">-</span>
          )
        },
      }),
      columnHelper.accessor("attribution", {
        header: "Attribution",
        cell: ({ getValue }) => <AttributionBadge attribution={getValue()} />,
      }),
      columnHelper.accessor("base_amount", {
        header: "Base",
        // A bonus or deduction was earned on no sale.
        cell: ({ row }) => (row.original.order_id ? money(row.original.base_amount, row.original) : "-"),
      }),
      columnHelper.accessor("rate", {
        header: "Rate",
        // Commissions made under a program's rules have a rate per line: see its lines.
        cell: ({ row }) =>
          !row.original.order_id ? (
            "-"
          ) : row.original.lines?.some((line) => line.kind !== "default") ? (
            <span className="text-ui-fg-muted">By line</span>
          ) : (
            formatRate(row.original.rate)
          ),
      }),
      columnHelper.accessor("net_amount", {
        header: "Commission",
        cell: ({ row }) => {
          const commission = row.original
          if (commission.status === "rejected") {
            // Nothing is payable, but the amount it would have been stays visible.
            return (
              <div className="flex flex-col">
                <Text size="small" leading="compact" className="text-ui-fg-muted line-through">
                  {money(commission.amount, commission)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  Not payable
                </Text>
              </div>
            )
          }
          return (
            <div className="flex flex-col">
              <Text size="small" weight="plus" leading="compact">
                {money(commission.net_amount, commission)}
              </Text>
              {commission.adjustment_total !== 0 && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {money(commission.amount, commission)} earned,{" "}
                  {money(commission.adjustment_total, commission)} adjusted
                </Text>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => {
          const reason = formatRejectionReason(row.original.reason)
          return (
            <div className="flex flex-col items-start gap-y-1">
              <div className="flex flex-wrap items-center gap-1">
                <CommissionStatusBadge status={row.original.status} />
                <CommissionFlagBadge flag={row.original.flag} />
              </div>
              {row.original.reassigned_from_id && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  Reassigned from another affiliate
                </Text>
              )}
              {row.original.status === "rejected" && reason && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {reason}
                </Text>
              )}
              {isHeld(row.original) && row.original.available_at && (
                <Text size="xsmall" className="text-ui-fg-muted" data-testid="available-at">
                  Available on {formatDate(row.original.available_at)}
                </Text>
              )}
            </div>
          )
        },
      }),
      actionsColumn<AffiliateCommission>("Commission actions", (commission) => [
        NEXT_STATUSES[commission.status]
          // The server refuses to approve or pay before the hold ends.
          .filter((status) => !isHeld(commission) || status === "rejected")
          .map((status) => ({
            label: ACTION_LABELS[status],
            icon: ACTION_ICONS[status],
            onClick: () =>
              status === "rejected"
                ? onReject([commission.id])
                : updateStatuses({ ids: [commission.id], status }),
          })),
      ]),
    ],
    [onReject, selectable, showAffiliate, updateStatuses]
  )
}
