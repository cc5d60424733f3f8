import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createAffiliateProgramWorkflow } from "../../../workflows"
import { answerConflicts } from "../../utils/answer-conflicts"
import { listPrograms, retrieveProgram } from "./helpers"
import type {
  AdminCreateAffiliateProgramType,
  AdminGetAffiliateProgramsParamsType,
} from "./validators"

/** Programs, the default one first, then by name, with their affiliate and rule counts. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateProgramsParamsType>,
  res: MedusaResponse
) => {
  const { q, limit, offset } = req.validatedQuery as AdminGetAffiliateProgramsParamsType
  const { programs, count } = await listPrograms(req.scope, { q, skip: offset, take: limit })
  res.json({ programs, count, offset, limit })
}

/** A new program; a name another program has: 409. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateProgramType>,
  res: MedusaResponse
) => {
  const run = await answerConflicts(res, () =>
    createAffiliateProgramWorkflow(req.scope).run({
      input: { program: req.validatedBody },
    })
  )
  if (run) {
    res.json({ program: await retrieveProgram(req.scope, run.result.id) })
  }
}
