import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliatesWorkflow } from "../../../workflows"
import { escapeLike } from "../../../modules/affiliate/utils/escape-like"
import { refetchAffiliate, withAffiliateStats } from "./helpers"
import type {
  AdminCreateAffiliateType,
  AdminGetAffiliatesParamsType,
} from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status, ...filters } = req.filterableFields as AdminGetAffiliatesParamsType

  const search = q?.trim()
  const pattern = search && `%${escapeLike(search)}%`
  const { data: affiliates, metadata } = await query.graph({
    entity: "affiliate",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      ...(status ? { status } : {}),
      ...(pattern
        ? {
            $or: [
              { name: { $ilike: pattern } },
              { email: { $ilike: pattern } },
              { code: { $ilike: pattern } },
            ],
          }
        : {}),
    },
    pagination: req.queryConfig.pagination,
  })

  res.json({
    affiliates: await withAffiliateStats(affiliates, req.scope),
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
  res.status(200).json({ affiliate })
}
