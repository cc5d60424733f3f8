import { Trash } from "@medusajs/icons"
import { Badge, Container, IconButton, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import {
  type AffiliatePromotion,
  useAffiliatePromotions,
  useAssignAffiliatePromotions,
  useCreateAffiliateCoupon,
  usePromotionsForPicker,
  useUnassignAffiliatePromotion,
} from "../../hooks/api/affiliate-promotions"
import type { Affiliate } from "../../hooks/api/affiliates"
import { useConfirm } from "../../hooks/use-confirm"
import { PickList } from "../common/pick-list"
import { SectionHeader } from "../common/section-header"

/** Picks one of Medusa's promotions to assign as a coupon. */
const PromotionPicker = ({
  assigned,
  onPick,
}: {
  assigned: AffiliatePromotion[]
  onPick: (code: string) => void
}) => {
  const [search, setSearch] = useState("")
  const { data, isLoading } = usePromotionsForPicker(search)
  // Automatic promotions have no code a shopper types: nothing to attribute.
  const promotions = (data?.promotions ?? []).filter(
    (promotion) =>
      promotion.code &&
      !promotion.is_automatic &&
      !assigned.some((coupon) => coupon.promotion_id === promotion.id)
  )

  return (
    <PickList
      label="Promotions"
      placeholder="Search Medusa's promotions by code"
      emptyText={
        search
          ? `No promotion code matches "${search}"`
          : "No promotion with a code to assign. Create one under Promotions first."
      }
      isLoading={isLoading}
      options={promotions.map((promotion) => ({
        id: promotion.id,
        title: promotion.code ?? "",
        description: promotion.status === "active" ? "Active" : "Not active",
      }))}
      selected={null}
      onSearchChange={setSearch}
      onSelect={(id) => {
        const code = promotions.find((promotion) => promotion.id === id)?.code
        if (code) {
          onPick(code)
        }
      }}
      onClear={() => setSearch("")}
    />
  )
}

/**
 * The Medusa promotions that credit this affiliate when an order uses their
 * code: made in one click from their own code, or picked from the store's
 * promotions, and removable.
 */
export const AffiliateCouponsSection = ({ affiliate }: { affiliate: Affiliate }) => {
  const [isPicking, setIsPicking] = useState(false)
  const confirm = useConfirm()
  const { data, isLoading } = useAffiliatePromotions(affiliate.id)
  const assign = useAssignAffiliatePromotions(affiliate.id)
  const unassign = useUnassignAffiliatePromotion(affiliate.id)
  const createCoupon = useCreateAffiliateCoupon(affiliate.id)
  const promotions = data?.affiliate_promotions ?? []

  const onRemove = async (coupon: AffiliatePromotion) => {
    await confirm(
      {
        title: `Remove the coupon ${coupon.code}?`,
        description: `Orders that use ${coupon.code} will no longer credit ${affiliate.name}. Commissions already earned stay.`,
        confirmText: "Remove",
      },
      () => unassign.mutate(coupon)
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="affiliate-coupons-section">
      <SectionHeader
        title="Coupons"
        description={`Orders that use one of these promotion codes credit ${affiliate.name}.`}
        actions={[
          // Their own code as a coupon, with their program's discount, when no promotion has it.
          ...(affiliate.status === "approved" && !promotions.some((coupon) => coupon.code === affiliate.code)
            ? [
                {
                  label: "Create coupon",
                  isLoading: createCoupon.isPending,
                  onClick: () => createCoupon.mutate(),
                },
              ]
            : []),
          {
            label: isPicking ? "Done" : "Assign coupon",
            onClick: () => setIsPicking((open) => !open),
          },
        ]}
      />
      {promotions.map((coupon) => (
        <div
          key={coupon.id}
          className="flex items-center justify-between px-6 py-2"
          data-testid="affiliate-coupon"
        >
          <Link
            to={`/promotions/${coupon.promotion_id}`}
            aria-label={`Promotion ${coupon.code}`}
          >
            <Badge size="small">{coupon.code}</Badge>
          </Link>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={`Remove coupon ${coupon.code}`}
            disabled={unassign.isPending && unassign.variables.id === coupon.id}
            onClick={() => onRemove(coupon)}
          >
            <Trash />
          </IconButton>
        </div>
      ))}
      {!isLoading && promotions.length === 0 && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            No coupons assigned.
          </Text>
        </div>
      )}
      {isPicking && (
        <div className="px-6 py-4">
          <PromotionPicker
            assigned={promotions}
            onPick={(code) => assign.mutate({ codes: [code] })}
          />
        </div>
      )}
    </Container>
  )
}
