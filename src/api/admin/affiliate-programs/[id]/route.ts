import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  deleteAffiliateProgramWorkflow,
  updateAffiliateProgramWorkflow,
} from "../../../../workflows"
import { answerConflicts } from "../../../utils/answer-conflicts"
import { retrieveProgram } from "../helpers"
import type { AdminUpdateAffiliateProgramType } from "../validators"

/** One program with its rules (and their targets' names) and affiliate count. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ program: await retrieveProgram(req.scope, req.params.id) })
}

/** Changes a program's terms (the default program's too). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateProgramType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    updateAffiliateProgramWorkflow(req.scope).run({
      input: { id: req.params.id, update: req.validatedBody },
    })
  )
  if (run) {
    res.json({ program: await retrieveProgram(req.scope, req.params.id) })
  }
}

/** Deletes a program: its affiliates go to the default program, its rules go. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteAffiliateProgramWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "affiliate_program", deleted: true })
}
