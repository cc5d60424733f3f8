import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { toastServerError } from "../../lib/server-errors"
import { affiliatePromotionQueryKeys } from "./query-keys"

/** A Medusa promotion assigned to an affiliate: orders using its code credit them. */
export type AffiliatePromotion = {
  id: string
  promotion_id: string
  code: string
  created_at: string
}

export type AffiliatePromotionsResponse = {
  affiliate_promotions: AffiliatePromotion[]
}

export const useAffiliatePromotions = (affiliateId: string) =>
  useQuery({
    queryKey: affiliatePromotionQueryKeys.list(affiliateId),
    queryFn: () =>
      sdk.client.fetch<AffiliatePromotionsResponse>(
        `/admin/affiliates/${affiliateId}/promotions`,
        { method: "GET" }
      ),
  })

export const useAssignAffiliatePromotions = (affiliateId: string) => {
  const queryClient = useQueryClient()
  return useMutation<AffiliatePromotionsResponse, FetchError, { codes: string[] }>({
    mutationFn: (body) =>
      sdk.client.fetch<AffiliatePromotionsResponse>(
        `/admin/affiliates/${affiliateId}/promotions`,
        { method: "POST", body }
      ),
    onSuccess: (_, { codes }) => {
      // The picker marks promotions that already belong to an affiliate.
      void queryClient.invalidateQueries({
        queryKey: affiliatePromotionQueryKeys.all,
      })
      toast.success(
        codes.length === 1
          ? `Coupon ${codes[0]} assigned`
          : `${codes.length} coupons assigned`
      )
    },
    onError: toastServerError,
  })
}

export type DeleteAffiliatePromotionResponse = {
  id: string
  object: "affiliate_promotion"
  deleted: true
}

/** Takes a coupon away from the affiliate (by its assignment). */
export const useUnassignAffiliatePromotion = (affiliateId: string) => {
  const queryClient = useQueryClient()
  return useMutation<DeleteAffiliatePromotionResponse, FetchError, AffiliatePromotion>({
    mutationFn: (assignment) =>
      sdk.client.fetch<DeleteAffiliatePromotionResponse>(
        `/admin/affiliates/${affiliateId}/promotions/${assignment.id}`,
        { method: "DELETE" }
      ),
    onSuccess: (_, assignment) => {
      void queryClient.invalidateQueries({
        queryKey: affiliatePromotionQueryKeys.all,
      })
      toast.success(`Coupon ${assignment.code} removed`)
    },
    onError: toastServerError,
  })
}

const PROMOTION_PICKER_LIMIT = 8

/** Search Medusa's promotions (`GET /admin/promotions?q=`) to pick a coupon from. */
export const usePromotionsForPicker = (q: string) =>
  useQuery({
    queryKey: affiliatePromotionQueryKeys.picker(q),
    queryFn: () =>
      sdk.client.fetch<HttpTypes.AdminPromotionListResponse>("/admin/promotions", {
        method: "GET",
        query: {
          q: q || undefined,
          limit: PROMOTION_PICKER_LIMIT,
          fields: "id,code,status,is_automatic",
        },
      }),
    placeholderData: keepPreviousData,
  })
