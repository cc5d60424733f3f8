import { CheckCircle, Clock, XCircle, XMark } from "@medusajs/icons"
import { Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useCallback, useMemo } from "react"
import {
  type AffiliatePayout,
  type AffiliatePayoutTargetStatus,
  useUpdateAffiliatePayout,
} from "../../hooks/api/affiliate-payouts"
import { useConfirm } from "../../hooks/use-confirm"
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

/** What "Mark paid" and "Cancel" ask first: neither can be taken back. */
const CONFIRMATIONS: Partial<
  Record<AffiliatePayoutTargetStatus, (payout: AffiliatePayout) => { title: string; description: string }>
> = {
  paid: (payout) => ({
    title: `Mark ${formatMoney(payout.amount, payout.currency_code)} to ${payout.affiliate?.name ?? "this affiliate"} paid?`,
    description:
      "Only once the money has been sent. Its commissions become paid, the affiliate is emailed, and it cannot be undone.",
  }),
  canceled: (payout) => ({
    title: `Cancel the payout of ${formatMoney(payout.amount, payout.currency_code)}?`,
    description:
      "Its commissions go back to the affiliate's payable balance, for a later batch. A canceled payout cannot be reopened.",
  }),
}

/**
 * A batch's or an affiliate's payouts, with each row's moves as actions.
 * Failing asks for a reason, so it is handed to the caller's prompt; paying
 * and canceling ask first.
 */
export const usePayoutColumns = ({
  onFail,
  showAffiliate = true,
}: {
  onFail: (payout: AffiliatePayout) => void
  showAffiliate?: boolean
}) => {
  const { mutate: updatePayout } = useUpdateAffiliatePayout()
  const confirm = useConfirm()

  const move = useCallback(
    (payout: AffiliatePayout, status: AffiliatePayoutTargetStatus) => {
      if (status === "failed") {
        return onFail(payout)
      }
      const question = CONFIRMATIONS[status]?.(payout)
      const update = () => updatePayout({ id: payout.id, status })
      return question
        ? confirm({ ...question, confirmText: PAYOUT_ACTION_LABELS[status] }, update)
        : update()
    },
    [confirm, onFail, updatePayout]
  )

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
          onClick: () => move(payout, status),
        })),
      ]),
    ],
    [move, showAffiliate]
  )
}
