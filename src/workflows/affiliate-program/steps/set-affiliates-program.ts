import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type SetAffiliatesProgramStepInput = {
  affiliate_ids: string[]
  /** Null: the default program. */
  program_id: string | null
}

export const setAffiliatesProgramStepId = "set-affiliates-program"

/** Puts affiliates in a program; compensation puts each back in the one it was in. */
export const setAffiliatesProgramStep = createStep(
  setAffiliatesProgramStepId,
  async ({ affiliate_ids, program_id }: SetAffiliatesProgramStepInput, { container }) => {
    if (!affiliate_ids.length) {
      return new StepResponse([] as string[], [] as { id: string; program_id: string | null }[])
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const previous = await service.listAffiliates(
      { id: affiliate_ids },
      { select: ["id", "program_id"] }
    )
    await service.updateAffiliates({ selector: { id: affiliate_ids }, data: { program_id } })
    return new StepResponse(
      affiliate_ids,
      previous.map((affiliate) => ({ id: affiliate.id, program_id: affiliate.program_id ?? null }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const byProgram = new Map<string | null, string[]>()
    for (const { id, program_id } of previous) {
      byProgram.set(program_id, [...(byProgram.get(program_id) ?? []), id])
    }
    for (const [program_id, ids] of byProgram) {
      await service.updateAffiliates({ selector: { id: ids }, data: { program_id } })
    }
  }
)
