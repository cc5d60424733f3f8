import { Select } from "@medusajs/ui"
import { useAllAffiliatePrograms } from "../../hooks/api/affiliate-programs"
import { type AffiliateDetailResponse, useUpdateAffiliate } from "../../hooks/api/affiliates"
import { TextLink } from "../common/text-link"

/**
 * The affiliate's program, with a select to move them to another: from their
 * next order on, they earn on its terms.
 */
export const AffiliateProgramSelect = ({
  affiliate,
}: {
  affiliate: AffiliateDetailResponse["affiliate"]
}) => {
  const { data } = useAllAffiliatePrograms()
  const updateAffiliate = useUpdateAffiliate(affiliate.id)
  const programs = data?.programs ?? []
  const current =
    affiliate.program ?? programs.find((program) => program.is_default) ?? null

  return (
    <div className="flex items-center gap-x-2">
      <Select
        size="small"
        value={current?.id ?? ""}
        disabled={!programs.length || updateAffiliate.isPending}
        onValueChange={(programId) => {
          if (programId !== current?.id) {
            updateAffiliate.mutate({ program_id: programId })
          }
        }}
      >
        <Select.Trigger aria-label="Change program" className="min-w-[160px]">
          <Select.Value placeholder={current?.name ?? "Default program"} />
        </Select.Trigger>
        <Select.Content>
          {programs.map((program) => (
            <Select.Item key={program.id} value={program.id}>
              {program.name}
              {program.is_default ? " (default)" : ""}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {current && (
        <TextLink to={`/affiliates/programs/${current.id}`} className="txt-compact-small shrink-0">
          View
        </TextLink>
      )}
    </div>
  )
}
