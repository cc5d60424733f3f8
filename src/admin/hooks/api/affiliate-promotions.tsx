import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { toastServerError } from "../../lib/server-errors"
import type { Deleted } from "./admin-api"
import { deleteAdmin, getAdmin, postAdmin, useInvalidate, useListQuery } from "./admin-api"
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
      getAdmin<AffiliatePromotionsResponse>(`/admin/affiliates/${affiliateId}/promotions`),
  })

export const useAssignAffiliatePromotions = (affiliateId: string) => {
  const invalidate = useInvalidate(affiliatePromotionQueryKeys.all)
  return useMutation<AffiliatePromotionsResponse, FetchError, { codes: string[] }>({
    mutationFn: (body) =>
      postAdmin<AffiliatePromotionsResponse>(`/admin/affiliates/${affiliateId}/promotions`, body),
    onSuccess: (_, { codes }) => {
      // The picker marks promotions that already belong to an affiliate.
      invalidate()
      toast.success(
        codes.length === 1
          ? `Coupon ${codes[0]} assigned`
          : `${codes.length} coupons assigned`
      )
    },
    onError: toastServerError,
  })
}

export type CreatedAffiliateCoupon = { coupon: { promotion_id: string; code: string; percentage: number } }

/** "Create coupon": a promotion with the affiliate's code and their program's discount, assigned to them. */
export const useCreateAffiliateCoupon = (affiliateId: string) => {
  // Medusa's promotion list shows the new promotion too.
  const invalidate = useInvalidate(affiliatePromotionQueryKeys.all)
  return useMutation<CreatedAffiliateCoupon, FetchError, void>({
    mutationFn: () => postAdmin<CreatedAffiliateCoupon>(`/admin/affiliates/${affiliateId}/coupon`, {}),
    onSuccess: ({ coupon }) => {
      invalidate()
      toast.success(`Coupon ${coupon.code} created: ${coupon.percentage}% off the order`)
    },
    onError: toastServerError,
  })
}

export type DeleteAffiliatePromotionResponse = Deleted<"affiliate_promotion">

/** Takes a coupon away from the affiliate (by its assignment). */
export const useUnassignAffiliatePromotion = (affiliateId: string) => {
  const invalidate = useInvalidate(affiliatePromotionQueryKeys.all)
  return useMutation<DeleteAffiliatePromotionResponse, FetchError, AffiliatePromotion>({
    mutationFn: (assignment) =>
      deleteAdmin<DeleteAffiliatePromotionResponse>(
        `/admin/affiliates/${affiliateId}/promotions/${assignment.id}`
      ),
    onSuccess: (_, assignment) => {
      invalidate()
      toast.success(`Coupon ${assignment.code} removed`)
    },
    onError: toastServerError,
  })
}

const PROMOTION_PICKER_LIMIT = 8

/** Search Medusa's promotions (`GET /admin/promotions?q=`) to pick a coupon from. */
export const usePromotionsForPicker = (q: string) =>
  useListQuery<HttpTypes.AdminPromotionListResponse>(
    affiliatePromotionQueryKeys.picker(q),
    "/admin/promotions",
    { q: q || undefined, limit: PROMOTION_PICKER_LIMIT, fields: "id,code,status,is_automatic" }
  )
