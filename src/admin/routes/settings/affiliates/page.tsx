import { defineRouteConfig } from "@medusajs/admin-sdk"
import { RecordPage } from "../../../components/common/record-page"
import { AccountSyncSection } from "../../../components/settings/account-sync-section"
import { AttributionOrderSection } from "../../../components/settings/attribution-order-section"
import { GeneralSettingsSection } from "../../../components/settings/general-settings-section"
import { PayoutSettingsSection } from "../../../components/settings/payout-settings-section"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"

/** Like Medusa's own settings pages: each section shows its values and is edited on its own. */
const AffiliateSettingsPage = () => (
  <RecordPage query={useAffiliateSettings()} sections={4} rows={3}>
    {({ affiliate_settings }) => (
      <div className="flex flex-col gap-y-3">
        <GeneralSettingsSection settings={affiliate_settings} />
        <AttributionOrderSection settings={affiliate_settings} />
        <PayoutSettingsSection settings={affiliate_settings} />
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
