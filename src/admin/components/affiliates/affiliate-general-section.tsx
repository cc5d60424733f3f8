import { ArrowPath, Envelope, PencilSquare, Trash } from "@medusajs/icons"
import { Container, Copy } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useAffiliateProgram } from "../../hooks/api/affiliate-programs"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"
import { useSyncAffiliateAccount } from "../../hooks/api/affiliate-sync-runs"
import {
  type AffiliateStatus,
  type AffiliateDetailResponse,
  useDeleteAffiliate,
  useSendLoginInvite,
  useUpdateAffiliate,
} from "../../hooks/api/affiliates"
import { useConfirm } from "../../hooks/use-confirm"
import { formatDate } from "../../lib/format"
import { ActionMenu } from "../common/action-menu"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { TextLink } from "../common/text-link"
import { AffiliateCommission } from "./affiliate-commission"
import { AffiliateProgramSelect } from "./affiliate-program-select"
import { EditAffiliateDrawer } from "./edit-affiliate-drawer"
import { AffiliateStatusBadge } from "./status-badge"

/** The affiliate's profile, with its status actions, edit and delete. */
export const AffiliateGeneralSection = ({
  affiliate,
}: {
  affiliate: AffiliateDetailResponse["affiliate"]
}) => {
  const [isEditOpen, setIsEditOpen] = useState(false)
  const navigate = useNavigate()
  const confirm = useConfirm()
  const { data: settings } = useAffiliateSettings()
  const updateAffiliate = useUpdateAffiliate(affiliate.id)
  const deleteAffiliate = useDeleteAffiliate(affiliate.id)
  const syncAccount = useSyncAffiliateAccount(affiliate.id)
  const sendLoginInvite = useSendLoginInvite(affiliate.id)
  const { data: programData } = useAffiliateProgram(affiliate.program?.id ?? "")
  const program = programData?.program

  const setStatus = (status: AffiliateStatus) =>
    updateAffiliate.mutate({ status })

  const onBlock = () =>
    confirm(
      {
        title: `Block ${affiliate.name}?`,
        description:
          "They stop earning commission on new orders. Their customers, connections and past commissions are kept, and you can approve them again later.",
        confirmText: "Block",
      },
      () => setStatus("blocked")
    )

  const onDelete = () =>
    confirm(
      {
        title: `Delete ${affiliate.name}?`,
        description: `${affiliate.name} stops earning commissions and the code ${affiliate.code} stops working. Past commissions are kept.`,
        confirmText: "Delete",
      },
      () => {
        deleteAffiliate.mutate(undefined, {
          onSuccess: () => navigate("/affiliates", { replace: true }),
        })
      }
    )

  const isChangingTo = (status: AffiliateStatus) =>
    updateAffiliate.isPending && updateAffiliate.variables.status === status

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={affiliate.name}
        badge={<AffiliateStatusBadge status={affiliate.status} />}
        actions={[
          ...(affiliate.status === "approved"
            ? []
            : [
                {
                  label: "Approve",
                  isLoading: isChangingTo("approved"),
                  onClick: () => setStatus("approved"),
                },
              ]),
          ...(affiliate.status === "blocked"
            ? []
            : [{ label: "Block", isLoading: isChangingTo("blocked"), onClick: onBlock }]),
        ]}
        menu={
          <ActionMenu
            label="Affiliate actions"
            groups={[
              [
                { label: "Edit", icon: <PencilSquare />, onClick: () => setIsEditOpen(true) },
                ...(affiliate.status === "approved"
                  ? [
                      {
                        label: "Sync customer account",
                        icon: <ArrowPath />,
                        disabled: syncAccount.isPending,
                        onClick: () => syncAccount.mutate(),
                      },
                    ]
                  : []),
                ...(affiliate.auth_identity_id || affiliate.status === "blocked"
                  ? []
                  : [
                      {
                        label: "Send login invite",
                        icon: <Envelope />,
                        disabled: sendLoginInvite.isPending,
                        onClick: () => sendLoginInvite.mutate(),
                      },
                    ]),
              ],
              [{ label: "Delete", icon: <Trash />, onClick: onDelete }],
            ]}
          />
        }
      />
      <SectionRow label="Email">{affiliate.email}</SectionRow>
      <SectionRow label="Code">{affiliate.code}</SectionRow>
      {affiliate.website && (
        <SectionRow label="Website">
          {/* Their own address: opened apart, telling the site nothing of the admin. */}
          <a
            href={affiliate.website}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover break-all"
          >
            {affiliate.website}
          </a>
        </SectionRow>
      )}
      <SectionRow label="Referral link">
        {affiliate.referral_link ? (
          <span className="flex items-center gap-x-1">
            <span className="break-all">{affiliate.referral_link}</span>
            <Copy content={affiliate.referral_link} aria-label="Copy referral link" />
          </span>
        ) : (
          <span className="text-ui-fg-muted">Set the plugin's storefrontUrl option to show it</span>
        )}
      </SectionRow>
      <SectionRow label="Login">
        {affiliate.auth_identity_id ? (
          "Can log in"
        ) : affiliate.login_invite_sent_at ? (
          <span className="text-ui-fg-muted">
            No login yet: invite sent {formatDate(affiliate.login_invite_sent_at)}
            {affiliate.login_invite_expires_at && `, valid until ${formatDate(affiliate.login_invite_expires_at)}`}
          </span>
        ) : (
          <span className="text-ui-fg-muted">No login yet</span>
        )}
      </SectionRow>
      <SectionRow label="Program">
        <AffiliateProgramSelect affiliate={affiliate} />
      </SectionRow>
      <SectionRow label="Commission rate">
        <AffiliateCommission
          rate={affiliate.commission_rate}
          program={program}
          defaultRate={settings?.affiliate_settings.default_commission_rate}
        />
      </SectionRow>
      <SectionRow label="Customer account">
        {affiliate.customer ? (
          <TextLink to={`/customers/${affiliate.customer.id}`}>{affiliate.customer.email}</TextLink>
        ) : (
          <span className="text-ui-fg-muted">Not synced</span>
        )}
      </SectionRow>
      <SectionRow label="Connected customers">{affiliate.connected_customer_count}</SectionRow>
      <SectionRow label="Created">{formatDate(affiliate.created_at)}</SectionRow>
      <EditAffiliateDrawer
        affiliate={affiliate}
        open={isEditOpen}
        onOpenChange={setIsEditOpen}
      />
    </Container>
  )
}
