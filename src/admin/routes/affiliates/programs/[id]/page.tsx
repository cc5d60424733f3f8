import { useParams } from "react-router-dom"
import { RecordPage, recordBreadcrumb } from "../../../../components/common/record-page"
import { ProgramAffiliatesSection } from "../../../../components/programs/program-affiliates-section"
import { ProgramRulesSection } from "../../../../components/programs/program-rules-section"
import { ProgramTermsSection } from "../../../../components/programs/program-terms-section"
import { useAffiliateProgram } from "../../../../hooks/api/affiliate-programs"

const AffiliateProgramPage = () => {
  const { id = "" } = useParams()
  return (
    <RecordPage query={useAffiliateProgram(id)} sections={2}>
      {({ program }) => (
        <div className="flex flex-col gap-y-3">
          <ProgramTermsSection program={program} />
          <ProgramRulesSection program={program} />
          <ProgramAffiliatesSection program={program} />
        </div>
      )}
    </RecordPage>
  )
}

export const handle = recordBreadcrumb(useAffiliateProgram, ({ program }) => program.name)

export default AffiliateProgramPage
