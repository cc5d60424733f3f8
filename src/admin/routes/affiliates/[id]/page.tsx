import { useParams } from "react-router-dom"
import { AffiliateCommissionsSection } from "../../../components/affiliates/affiliate-commissions-section"
import { AffiliateCouponsSection } from "../../../components/affiliates/affiliate-coupons-section"
import { AffiliateGeneralSection } from "../../../components/affiliates/affiliate-general-section"
import { RecordPage, recordBreadcrumb } from "../../../components/common/record-page"
import { AffiliateCustomersSection } from "../../../components/connections/affiliate-customers-section"
import { AffiliatePayoutsSection } from "../../../components/payouts/affiliate-payouts-section"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"
import { useAffiliate } from "../../../hooks/api/affiliates"

const AffiliateDetailPage = () => {
  const { id = "" } = useParams()
  const { data: settings } = useAffiliateSettings()
  const query = useAffiliate(id, {
    awaitAccountSync: settings?.affiliate_settings.account_sync.enabled,
  })

  return (
    <RecordPage query={query} sections={4}>
      {({ affiliate }) => (
        <div className="flex flex-col gap-y-3">
          <AffiliateGeneralSection affiliate={affiliate} />
          <AffiliateCommissionsSection affiliate={affiliate} />
          <AffiliatePayoutsSection affiliate={affiliate} />
          <AffiliateCustomersSection affiliate={affiliate} />
          <AffiliateCouponsSection affiliate={affiliate} />
        </div>
      )}
    </RecordPage>
  )
}

export const handle = recordBreadcrumb(useAffiliate, ({ affiliate }) => affiliate.name)

export default AffiliateDetailPage
