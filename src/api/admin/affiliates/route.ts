import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliatesWorkflow } from "../../../workflows"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"
import { refetchAffiliate, withAffiliateStats, withPrograms } from "./helpers"
import type {
  AdminCreateAffiliateType,
  AdminGetAffiliatesParamsType,
} from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status, program_id, ...filters } =
    req.filterableFields as AdminGetAffiliatesParamsType

  const search = q?.trim()
  const pattern = search && `%${escapeLike(search)}%`
  const conditions: Record<string, unknown>[] = []
  if (pattern) {
    conditions.push({
      $or: [
        { name: { $ilike: pattern } },
        { email: { $ilike: pattern } },
        { code: { $ilike: pattern } },
      ],
    })
  }
  if (program_id) {
    // The default program's affiliates are those without a program.
    const service: AffiliateModuleService = req.scope.resolve(AFFILIATE_MODULE)
    const defaultProgram = await service.retrieveDefaultProgram()
    conditions.push(
      program_id.includes(defaultProgram.id)
        ? { $or: [{ program_id }, { program_id: null }] }
        : { program_id }
    )
  }
  const { data: affiliates, metadata } = await query.graph({
    entity: "affiliate",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      ...(status ? { status } : {}),
      ...(conditions.length ? { $and: conditions } : {}),
    },
    pagination: req.queryConfig.pagination,
  })

  res.json({
    affiliates: await withAffiliateStats(await withPrograms(affiliates, req.scope), req.scope),
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>,
  res: MedusaResponse
) => {
  const { result } = await createAffiliatesWorkflow(req.scope).run({
    input: { affiliates: [req.validatedBody] },
  })

  const affiliate = await refetchAffiliate(
    result[0].id,
    req.scope,
    req.queryConfig.fields
  )
  const [withProgram] = await withPrograms([affiliate], req.scope)
  res.status(200).json({ affiliate: withProgram })
}
