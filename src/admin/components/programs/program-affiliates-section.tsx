import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import type { AffiliateSummary } from "../../hooks/api/affiliate-connections"
import {
  type AffiliateProgram,
  useMoveAffiliatesToProgram,
} from "../../hooks/api/affiliate-programs"
import { AffiliatePicker } from "../connections/affiliate-picker"

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
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <div>
          <Heading level="h2">Affiliates</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {program.affiliate_count === 1
              ? "1 affiliate earns on these terms."
              : `${program.affiliate_count} affiliates earn on these terms.`}{" "}
            An affiliate's page shows their program and can change it.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setIsPicking((open) => !open)}>
          {isPicking ? "Cancel" : "Add affiliate"}
        </Button>
      </div>
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
