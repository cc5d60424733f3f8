import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AccountSyncSection } from "../../../components/affiliates/account-sync-section"
import { SettingsForm } from "../../../components/affiliates/settings-form"
import { RecordPage } from "../../../components/common/record-page"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"

// The forms mount once the settings are loaded, so they start from them.
const AffiliateSettingsPage = () => (
  <RecordPage query={useAffiliateSettings()} sections={2} rows={5}>
    {({ affiliate_settings }) => (
      <div className="flex flex-col gap-y-3">
        <SettingsForm settings={affiliate_settings} />
        <AccountSyncSection settings={affiliate_settings.account_sync} />
      </div>
    )}
  </RecordPage>
)

// Under Settings, beside Medusa's own store settings.
export const config = defineRouteConfig({
  label: "Affiliates",
})

export const handle = {
  breadcrumb: () => "Affiliates",
}

export default AffiliateSettingsPage
