import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Adjustments } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { AccountSyncSection } from "../../components/affiliates/account-sync-section"
import { SettingsForm } from "../../components/affiliates/settings-form"
import { useAffiliateSettings } from "../../hooks/api/affiliate-settings"

const AffiliateSettingsPage = () => {
  const { data, isError, error } = useAffiliateSettings()

  if (isError) {
    throw error
  }

  if (!data) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      </Container>
    )
  }

  // Mounted once the settings are loaded, so the forms start from them.
  return (
    <div className="flex flex-col gap-y-3">
      <SettingsForm settings={data.affiliate_settings} />
      <AccountSyncSection settings={data.affiliate_settings.account_sync} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Affiliate settings",
  rank: 9,
  icon: Adjustments,
})

export const handle = {
  breadcrumb: () => "Affiliate settings",
}

export default AffiliateSettingsPage
