import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  deleteAffiliatesWorkflow,
  updateAffiliateWorkflow,
} from "../../../../workflows"
import { refetchAffiliate, withAffiliateStats, withPrograms } from "../helpers"
import type { AdminUpdateAffiliateType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const affiliate = await refetchAffiliate(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  const [withStats] = await withAffiliateStats(
    await withPrograms([affiliate], req.scope),
    req.scope
  )
  res.json({ affiliate: withStats })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateType>,
  res: MedusaResponse
) => {
  await updateAffiliateWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody },
  })

  const affiliate = await refetchAffiliate(
    req.params.id,
    req.scope,
    req.queryConfig.fields
  )
  const [withProgram] = await withPrograms([affiliate], req.scope)
  res.json({ affiliate: withProgram })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await deleteAffiliatesWorkflow(req.scope).run({
    input: { ids: [req.params.id] },
  })
  res.json({ id: req.params.id, object: "affiliate", deleted: true })
}
