import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Adjustments } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
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

  // Mounted once the settings are loaded, so the form starts from them.
  return <SettingsForm settings={data.affiliate_settings} />
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
