import { type UIMatch, useParams } from "react-router-dom"
import { PageSkeleton } from "../../../../components/common/page-skeleton"
import { ProgramAffiliatesSection } from "../../../../components/programs/program-affiliates-section"
import { ProgramRulesSection } from "../../../../components/programs/program-rules-section"
import { ProgramTermsSection } from "../../../../components/programs/program-terms-section"
import { useAffiliateProgram } from "../../../../hooks/api/affiliate-programs"

const AffiliateProgramPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useAffiliateProgram(id)

  if (isError) {
    // Medusa's route error boundary shows not-found and other errors.
    throw error
  }

  if (isLoading || !data) {
    return <PageSkeleton sections={2} />
  }

  return (
    <div className="flex flex-col gap-y-3">
      <ProgramTermsSection program={data.program} />
      <ProgramRulesSection program={data.program} />
      <ProgramAffiliatesSection program={data.program} />
    </div>
  )
}

const ProgramBreadcrumb = ({ params }: UIMatch) => {
  const { data } = useAffiliateProgram(params.id ?? "")
  return data ? <span>{data.program.name}</span> : null
}

export const handle = {
  breadcrumb: (match: UIMatch) => <ProgramBreadcrumb {...match} />,
}

export default AffiliateProgramPage
