import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import type { AffiliateSummary } from "../../hooks/api/affiliate-connections"
import {
  type AffiliateProgram,
  useMoveAffiliatesToProgram,
} from "../../hooks/api/affiliate-programs"
import { AffiliatePicker } from "../connections/affiliate-picker"
import { plural } from "../../lib/format"
import { SectionHeader } from "../common/section-header"

/**
 * How many affiliates earn on the program's terms, and a picker to move one
 * more into it (they leave their current program).
 */
export const ProgramAffiliatesSection = ({ program }: { program: AffiliateProgram }) => {
  const [isPicking, setIsPicking] = useState(false)
  const [picked, setPicked] = useState<AffiliateSummary | null>(null)
  const move = useMoveAffiliatesToProgram(program.id)

  const onMove = () => {
    if (picked) {
      move.mutate([picked.id], {
        onSuccess: () => {
          setPicked(null)
          setIsPicking(false)
        },
      })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="program-affiliates-section">
      <SectionHeader
        title="Affiliates"
        description={`${plural(program.affiliate_count, "affiliate earns", "affiliates earn")} on these terms. An affiliate's page shows their program and can change it.`}
        actions={[
          {
            label: isPicking ? "Cancel" : "Add affiliate",
            onClick: () => setIsPicking((open) => !open),
          },
        ]}
      />
      {isPicking && (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <AffiliatePicker value={picked} onChange={setPicked} />
          <div className="flex justify-end">
            <Button size="small" disabled={!picked} isLoading={move.isPending} onClick={onMove}>
              Move to {program.name}
            </Button>
          </div>
        </div>
      )}
    </Container>
  )
}
