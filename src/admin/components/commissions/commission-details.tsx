import { Button, Text } from "@medusajs/ui"
import {
  type AffiliateCommission,
  useAffiliateCommission,
} from "../../hooks/api/affiliate-commissions"
import { useAffiliateProgram } from "../../hooks/api/affiliate-programs"
import { useAdminUser } from "../../hooks/api/medusa-catalog"
import { SectionRow } from "../common/section-row"
import { AffiliateLink, TextLink } from "../common/text-link"
import { CommissionLines, describeCommissionTier } from "./commission-lines"
import { formatAdjustmentReason, formatRejectionReason } from "./commission-reasons"
import { formatMoney, formatRate, personName } from "../../lib/format"
import { ATTRIBUTION_LABELS, CommissionFlagBadge, CommissionStatusBadge } from "./status-badge"

/** Why the order credited the affiliate, in a sentence. */
const ATTRIBUTION_EXPLANATIONS = {
  connection: "The customer is connected to this affiliate.",
  coupon: "The order used a coupon assigned to this affiliate.",
  link: "The order came through this affiliate's referral link.",
  manual: "An admin credited it by hand.",
} satisfies Record<AffiliateCommission["attribution"], string>

/**
 * The other side of a reassignment: the commission this one was moved to, or
 * moved from, its affiliate, and why and by whom (kept on the newer one).
 */
const ReassignmentRow = ({
  direction,
  commission,
  onOpenCommission,
}: {
  direction: "to" | "from"
  commission: AffiliateCommission
  onOpenCommission?: (id: string) => void
}) => {
  const otherId = direction === "to" ? commission.reassigned_to_id : commission.reassigned_from_id
  const { data } = useAffiliateCommission(otherId)
  const other = data?.affiliate_commission
  const newer = direction === "to" ? other : commission
  const reason = newer?.metadata?.reassign_reason
  const { data: user } = useAdminUser(newer?.reassigned_by)
  return (
    <SectionRow label={direction === "to" ? "Reassigned to" : "Reassigned from"}>
      <div className="flex flex-col items-start" data-testid={`commission-reassigned-${direction}`}>
        <div className="flex flex-wrap items-center gap-x-2">
          {other ? (
            <AffiliateLink affiliate={other.affiliate} />
          ) : (
            <span className="text-ui-fg-muted">…</span>
          )}
          {onOpenCommission && otherId && (
            <Button
              size="small"
              variant="transparent"
              className="text-ui-fg-interactive px-0"
              onClick={() => onOpenCommission(otherId)}
            >
              View commission
            </Button>
          )}
        </div>
        {(typeof reason === "string" || user) && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {typeof reason === "string" ? reason : ""}
            {typeof reason === "string" && user ? " — " : ""}
            {user ? `by ${personName(user)}` : ""}
          </Text>
        )}
      </div>
    </SectionRow>
  )
}

/**
 * What a commission is, in rows: its affiliate and why, its status (and a
 * flag for review), its program, lines and tier, adjustments and any
 * reassignment. For the order widget and the ledger's drawer.
 */
export const CommissionDetails = ({
  commission,
  onOpenCommission,
}: {
  commission: AffiliateCommission
  /** Opens another commission (the other side of a reassignment) in place. */
  onOpenCommission?: (id: string) => void
}) => {
  const money = (amount: number) => formatMoney(amount, commission.currency_code)
  const reason = formatRejectionReason(commission.reason)
  // The program's name, and its rules' targets ("collection Summer").
  const { data: programData } = useAffiliateProgram(commission.program_id ?? "")
  const rules = new Map((programData?.program.rules ?? []).map((rule) => [rule.id, rule]))
  const hasLines = Boolean(commission.lines?.length)

  return (
    <>
      <SectionRow label="Affiliate">
        <AffiliateLink affiliate={commission.affiliate} />
      </SectionRow>
      <SectionRow label="Attribution">
        <div className="flex flex-col">
          <span>{ATTRIBUTION_LABELS[commission.attribution]}</span>
          <Text size="xsmall" className="text-ui-fg-muted">
            {ATTRIBUTION_EXPLANATIONS[commission.attribution]}
          </Text>
        </div>
      </SectionRow>
      <SectionRow label="Status">
        <div className="flex flex-col items-start gap-y-1">
          <div className="flex flex-wrap items-center gap-1">
            <CommissionStatusBadge status={commission.status} />
            <CommissionFlagBadge flag={commission.flag} />
          </div>
          {commission.status === "rejected" && reason && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {reason}
            </Text>
          )}
        </div>
      </SectionRow>
      {commission.program_id && (
        <SectionRow label="Program">
          <TextLink to={`/affiliates/programs/${commission.program_id}`}>
            {programData?.program.name ?? "View program"}
          </TextLink>
        </SectionRow>
      )}
      <SectionRow label={commission.order_id ? "Commission" : commission.amount < 0 ? "Deduction" : "Bonus"}>
        <span data-testid="commission-amount">
          {!commission.order_id
            ? money(commission.amount)
            : hasLines
              ? `${money(commission.amount)} on ${money(commission.base_amount)}`
              : `${money(commission.amount)} (${formatRate(commission.rate)} of ${money(commission.base_amount)})`}
        </span>
      </SectionRow>
      {commission.note && (
        <SectionRow label="Note">
          <span className="whitespace-pre-line">{commission.note}</span>
        </SectionRow>
      )}
      {commission.tier && (
        <SectionRow label="Tier">
          <div className="flex flex-col" data-testid="commission-tier">
            <span>{describeCommissionTier(commission.tier, commission.currency_code)}</span>
            <Text size="xsmall" className="text-ui-fg-muted">
              {commission.tier.metric === "orders"
                ? `${commission.tier.measured} credited orders before this one`
                : `${money(commission.tier.measured)} credited before this order`}
            </Text>
          </div>
        </SectionRow>
      )}
      {hasLines && (
        <div className="px-6 py-2">
          <CommissionLines commission={commission} rules={rules} />
        </div>
      )}
      {commission.adjustments.map((adjustment) => (
        <SectionRow key={adjustment.id} label="Adjustment">
          {money(adjustment.amount)} ({formatAdjustmentReason(adjustment.reason)})
        </SectionRow>
      ))}
      {commission.adjustments.length > 0 && (
        <SectionRow label="Net">{money(commission.net_amount)}</SectionRow>
      )}
      {commission.reassigned_from_id && (
        <ReassignmentRow
          direction="from"
          commission={commission}
          onOpenCommission={onOpenCommission}
        />
      )}
      {commission.reassigned_to_id && (
        <ReassignmentRow
          direction="to"
          commission={commission}
          onOpenCommission={onOpenCommission}
        />
      )}
    </>
  )
}
