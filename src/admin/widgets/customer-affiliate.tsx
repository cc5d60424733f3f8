import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { ArrowPath, Trash } from "@medusajs/icons"
import { Container, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { ActionMenu } from "../components/common/action-menu"
import { SectionHeader } from "../components/common/section-header"
import { SectionRow } from "../components/common/section-row"
import { AffiliateLink, TextLink } from "../components/common/text-link"
import { formatConnectionExpiry } from "../components/connections/connection-expiry"
import { NewConnectionModal } from "../components/connections/new-connection-modal"
import { ConnectionSourceBadge } from "../components/connections/source-badge"
import {
  useAffiliateConnections,
  useDeleteAffiliateConnection,
} from "../hooks/api/affiliate-connections"
import { useAffiliates } from "../hooks/api/affiliates"
import { useConfirm } from "../hooks/use-confirm"
import { formatDate } from "../lib/format"

const CustomerAffiliateWidget = ({
  data: customer,
}: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const [isPickerOpen, setIsPickerOpen] = useState(false)
  const { data, isLoading } = useAffiliateConnections({
    customer_id: customer.id,
    status: "active",
    limit: 1,
  })
  // A customer account made or linked by account sync belongs to an affiliate.
  const { data: owners } = useAffiliates({ customer_id: customer.id, limit: 1 })
  const ownAffiliate = owners?.affiliates[0]
  const { mutate: disconnect } = useDeleteAffiliateConnection()
  const confirm = useConfirm()
  const connection = data?.affiliate_connections[0]

  const onDisconnect = async () => {
    if (!connection) {
      return
    }
    await confirm(
      {
        title: `Disconnect ${customer.email} from ${connection.affiliate.name}?`,
        description: `Their future orders will no longer credit ${connection.affiliate.name} (${connection.affiliate.code}).`,
        confirmText: "Disconnect",
      },
      () => disconnect(connection.id)
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="customer-affiliate-widget">
      <SectionHeader
        title="Affiliate"
        actions={
          // An affiliate's own store account orders as the affiliate: no one refers it.
          connection || isLoading || ownAffiliate
            ? []
            : [{ label: "Connect to an affiliate", onClick: () => setIsPickerOpen(true) }]
        }
        menu={
          connection && (
            <ActionMenu
              label="Affiliate actions"
              groups={[
                [{ label: "Change", icon: <ArrowPath />, onClick: () => setIsPickerOpen(true) }],
                [{ label: "Disconnect", icon: <Trash />, onClick: onDisconnect }],
              ]}
            />
          )
        }
      />
      {ownAffiliate && (
        <div className="px-6 py-4" data-testid="customer-affiliate-account">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            This is the store account of the affiliate{" "}
            <AffiliateLink affiliate={ownAffiliate} />.
          </Text>
        </div>
      )}
      {connection ? (
        <>
          <SectionRow label="Affiliate">
            <TextLink to={`/affiliates/${connection.affiliate_id}`}>
              {connection.affiliate.name}
            </TextLink>
          </SectionRow>
          <SectionRow label="Code">{connection.affiliate.code}</SectionRow>
          <SectionRow label="Source">
            <ConnectionSourceBadge source={connection.source} />
          </SectionRow>
          <SectionRow label="Connected since">{formatDate(connection.created_at)}</SectionRow>
          <SectionRow label="Expires">{formatConnectionExpiry(connection)}</SectionRow>
        </>
      ) : ownAffiliate ? null : (
        <div className="px-6 py-4">
          {isLoading ? (
            <Skeleton className="h-5 w-full" />
          ) : (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Not connected. Once connected to an affiliate, every order of this customer
              credits them.
            </Text>
          )}
        </div>
      )}
      <NewConnectionModal
        open={isPickerOpen}
        onOpenChange={setIsPickerOpen}
        customer={{
          id: customer.id,
          email: customer.email,
          first_name: customer.first_name,
          last_name: customer.last_name,
        }}
        currentAffiliate={connection?.affiliate}
      />
    </Container>
  )
}

// In the side column, as the order widget is: the main column of Medusa's
// customer page holds its long sections (orders, groups, metadata, JSON).
export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerAffiliateWidget
