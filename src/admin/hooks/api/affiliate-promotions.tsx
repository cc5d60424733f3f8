import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
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
      void queryClient.invalidateQueries({
        queryKey: affiliatePromotionQueryKeys.list(affiliateId),
      })
      toast.success(
        codes.length === 1
          ? `Coupon ${codes[0]} assigned`
          : `${codes.length} coupons assigned`
      )
    },
    onError: (error) => {
      toast.error(error.message)
    },
  })
}
