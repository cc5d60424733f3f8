import { type UIMatch, useParams } from "react-router-dom"
import { AffiliateCommissionsSection } from "../../../components/affiliates/affiliate-commissions-section"
import { AffiliateCouponsSection } from "../../../components/affiliates/affiliate-coupons-section"
import { AffiliateGeneralSection } from "../../../components/affiliates/affiliate-general-section"
import { PageSkeleton } from "../../../components/common/page-skeleton"
import { AffiliateCustomersSection } from "../../../components/connections/affiliate-customers-section"
import { AffiliatePayoutsSection } from "../../../components/payouts/affiliate-payouts-section"
import { useAffiliateSettings } from "../../../hooks/api/affiliate-settings"
import { useAffiliate } from "../../../hooks/api/affiliates"

const AffiliateDetailPage = () => {
  const { id = "" } = useParams()
  const { data: settings } = useAffiliateSettings()
  const { data, isLoading, isError, error } = useAffiliate(id, {
    awaitAccountSync: settings?.affiliate_settings.account_sync.enabled,
  })

  if (isError) {
    // Medusa's route error boundary shows not-found and other errors.
    throw error
  }

  if (isLoading || !data) {
    return <PageSkeleton sections={4} />
  }

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateGeneralSection affiliate={data.affiliate} />
      <AffiliateCommissionsSection affiliate={data.affiliate} />
      <AffiliatePayoutsSection affiliate={data.affiliate} />
      <AffiliateCustomersSection affiliate={data.affiliate} />
      <AffiliateCouponsSection affiliate={data.affiliate} />
    </div>
  )
}

const AffiliateBreadcrumb = ({ params }: UIMatch) => {
  const { data } = useAffiliate(params.id ?? "")
  return data ? <span>{data.affiliate.name}</span> : null
}

export const handle = {
  breadcrumb: (match: UIMatch) => <AffiliateBreadcrumb {...match} />,
}

export default AffiliateDetailPage
