import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AccountSyncSection } from "../../../components/affiliates/account-sync-section"
import { PageSkeleton } from "../../../components/common/page-skeleton"
import { SettingsForm } from "../../../components/affiliates/settings-form"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"

const AffiliateSettingsPage = () => {
  const { data, isError, error } = useAffiliateSettings()

  if (isError) {
    throw error
  }

  if (!data) {
    return <PageSkeleton sections={2} rows={5} />
  }

  // Mounted once the settings are loaded, so the forms start from them.
  return (
    <div className="flex flex-col gap-y-3">
      <SettingsForm settings={data.affiliate_settings} />
      <AccountSyncSection settings={data.affiliate_settings.account_sync} />
    </div>
  )
}

// Under Settings, beside Medusa's own store settings.
export const config = defineRouteConfig({
  label: "Affiliates",
})

export const handle = {
  breadcrumb: () => "Affiliates",
}

export default AffiliateSettingsPage
