import { CheckCircle, Clock, XCircle, XMark } from "@medusajs/icons"
import { Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import {
  type AffiliatePayout,
  type AffiliatePayoutTargetStatus,
  useUpdateAffiliatePayout,
} from "../../hooks/api/affiliate-payouts"
import { formatDate, formatMoney } from "../../lib/format"
import { NEXT_PAYOUT_STATUSES, PAYOUT_ACTION_LABELS } from "./payout-actions"
import { formatPayoutDetails, PAYOUT_METHOD_LABELS } from "./payout-method"
import { actionsColumn } from "../common/action-menu"
import { AffiliateLink } from "../common/text-link"
import { PayoutStatusBadge } from "./status-badge"

const columnHelper = createDataTableColumnHelper<AffiliatePayout>()

const ACTION_ICONS: Record<AffiliatePayoutTargetStatus, JSX.Element> = {
  processing: <Clock />,
  paid: <CheckCircle />,
  failed: <XCircle />,
  canceled: <XMark />,
}

/**
 * A batch's or an affiliate's payouts, with each row's moves as actions.
 * Failing asks for a reason, so it is handed to the caller's prompt.
 */
export const usePayoutColumns = ({
  onFail,
  showAffiliate = true,
}: {
  onFail: (payout: AffiliatePayout) => void
  showAffiliate?: boolean
}) => {
  const { mutate: updatePayout } = useUpdateAffiliatePayout()

  return useMemo(
    () => [
      columnHelper.accessor("created_at", {
        header: "Date",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      ...(showAffiliate
        ? [
            columnHelper.accessor("affiliate", {
              header: "Affiliate",
              cell: ({ getValue }) => <AffiliateLink affiliate={getValue()} />,
            }),
          ]
        : []),
      columnHelper.display({
        id: "method",
        header: "Method",
        cell: ({ row }) => {
          // Frozen when the batch was made: where this payout goes.
          const payout = row.original
          if (!payout.payout_method) {
            return <span className="text-ui-fg-muted">Not set</span>
          }
          return (
            <div className="flex flex-col">
              <Text size="small" leading="compact">
                {PAYOUT_METHOD_LABELS[payout.payout_method]}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle whitespace-pre-line">
                {formatPayoutDetails(payout) ?? "No details"}
              </Text>
            </div>
          )
        },
      }),
      columnHelper.accessor("amount", {
        header: "Amount",
        cell: ({ row }) => (
          <Text size="small" weight="plus" leading="compact">
            {formatMoney(row.original.amount, row.original.currency_code)}
          </Text>
        ),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => (
          <div className="flex flex-col items-start gap-y-1">
            <PayoutStatusBadge status={row.original.status} />
            {row.original.reason && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {row.original.reason}
              </Text>
            )}
          </div>
        ),
      }),
      actionsColumn<AffiliatePayout>("Payout actions", (payout) => [
        NEXT_PAYOUT_STATUSES[payout.status].map((status) => ({
          label: PAYOUT_ACTION_LABELS[status],
          icon: ACTION_ICONS[status],
          onClick: () =>
            status === "failed"
              ? onFail(payout)
              : updatePayout({ id: payout.id, status }),
        })),
      ]),
    ],
    [onFail, showAffiliate, updatePayout]
  )
}
