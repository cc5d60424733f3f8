import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import {
  type AffiliateProgram,
  useDeleteAffiliateProgram,
} from "../../hooks/api/affiliate-programs"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { useConfirm } from "../../hooks/use-confirm"
import { formatRate } from "../../lib/format"
import { formatProgramCommission } from "../../lib/format-commission"
import { DEFAULT_COUPON_PERCENTAGE } from "./program-form"
import { ActionMenu } from "../common/action-menu"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { EditProgramDrawer } from "./edit-program-drawer"
import {
  formatAutoApprove,
  formatConnectionLifetime,
  formatReferralWindow,
  formatTierThreshold,
  SELF_REFERRAL_LABELS,
  TIER_METRIC_LABELS,
  TIER_PERIOD_LABELS,
} from "./program-labels"

const Tiers = ({ program }: { program: AffiliateProgram }) => {
  if (!program.tier_metric || !program.tiers?.length) {
    return <span className="text-ui-fg-muted">None</span>
  }
  const metric = program.tier_metric
  return (
    <div className="flex flex-col gap-y-0.5" data-testid="program-tiers-summary">
      <Text size="xsmall" className="text-ui-fg-muted">
        {TIER_METRIC_LABELS[metric]}, {TIER_PERIOD_LABELS[program.tier_period].toLowerCase()}
      </Text>
      {[...program.tiers]
        .sort((a, b) => a.threshold - b.threshold)
        .map((tier) => (
          <span key={tier.threshold}>
            From {formatTierThreshold(metric, tier.threshold)}: {formatRate(tier.rate)}
          </span>
        ))}
    </div>
  )
}

/** A program's terms, with Edit and (but for the default program) Delete. */
export const ProgramTermsSection = ({ program }: { program: AffiliateProgram }) => {
  const [isEditOpen, setIsEditOpen] = useState(false)
  const navigate = useNavigate()
  const confirm = useConfirm()
  const { data: settings } = useAffiliateSettings()
  const storeSettings = settings?.affiliate_settings
  const deleteProgram = useDeleteAffiliateProgram(program.id)

  const onDelete = () =>
    confirm(
      {
        title: `Delete the program ${program.name}?`,
        description: `Its rules are deleted${
          program.affiliate_count
            ? ` and its ${
                program.affiliate_count === 1 ? "affiliate moves" : `${program.affiliate_count} affiliates move`
              } to the default program`
            : ""
        }. Commissions already earned keep their amounts.`,
        confirmText: "Delete",
      },
      () => {
        deleteProgram.mutate(undefined, {
          onSuccess: () => navigate("/affiliates/programs", { replace: true }),
        })
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="program-terms-section">
      <SectionHeader
        level="h1"
        title={program.name}
        badge={
          program.is_default && (
            <Badge size="2xsmall" color="blue">
              Default
            </Badge>
          )
        }
        menu={
          <ActionMenu
            label="Program actions"
            groups={[
              [{ label: "Edit terms", icon: <PencilSquare />, onClick: () => setIsEditOpen(true) }],
              // Affiliates without a program are in the default one: it stays.
              program.is_default ? [] : [{ label: "Delete", icon: <Trash />, onClick: onDelete }],
            ]}
          />
        }
      />
      {program.is_default && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Affiliates not in another program earn on these terms.
          </Text>
        </div>
      )}
      <SectionRow label="Commission">
        {formatProgramCommission(program, storeSettings?.default_commission_rate)}
      </SectionRow>
      <SectionRow label="Connections last">
        {formatConnectionLifetime(program.connection_lifetime, program.connection_lifetime_value)}
      </SectionRow>
      <SectionRow label="Referral window">
        {formatReferralWindow(program.referral_window_days)}
      </SectionRow>
      <SectionRow label="Auto-approve commissions">
        {formatAutoApprove(program.auto_approve_commissions, storeSettings?.auto_approve_commissions)}
      </SectionRow>
      <SectionRow label="Self-referrals">
        {SELF_REFERRAL_LABELS[program.self_referral_policy]}
      </SectionRow>
      <SectionRow label="Performance tiers">
        <Tiers program={program} />
      </SectionRow>
      <SectionRow label="Affiliate coupons">
        {`${program.coupon_percentage ?? DEFAULT_COUPON_PERCENTAGE}% off the order` +
          (program.auto_create_coupon ? ", made for every affiliate on approval" : ", made with Create coupon")}
      </SectionRow>
      <SectionRow label="Affiliates">{program.affiliate_count}</SectionRow>
      <EditProgramDrawer program={program} open={isEditOpen} onOpenChange={setIsEditOpen} />
    </Container>
  )
}
