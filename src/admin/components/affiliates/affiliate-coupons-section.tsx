import { Badge, Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import type { Affiliate } from "../../hooks/api/affiliates"
import {
  useAffiliatePromotions,
  useAssignAffiliatePromotions,
} from "../../hooks/api/affiliate-promotions"

/** "SUMMER10, vip20" → ["SUMMER10", "vip20"] */
const parseCodes = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter(Boolean)

/**
 * The Medusa promotions that credit this affiliate when an order uses their
 * code, and a field to assign more by code.
 */
export const AffiliateCouponsSection = ({ affiliate }: { affiliate: Affiliate }) => {
  const [codes, setCodes] = useState("")
  const { data, isLoading } = useAffiliatePromotions(affiliate.id)
  const assign = useAssignAffiliatePromotions(affiliate.id)
  const promotions = data?.affiliate_promotions ?? []

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseCodes(codes)
    if (parsed.length) {
      assign.mutate({ codes: parsed }, { onSuccess: () => setCodes("") })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="affiliate-coupons-section">
      <div className="px-6 py-4">
        <Heading level="h2">Coupons</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Orders that use one of these promotion codes credit {affiliate.name}.
        </Text>
      </div>
      <div className="flex flex-wrap gap-2 px-6 py-4">
        {promotions.map((promotion) => (
          <Badge key={promotion.id} size="small">
            {promotion.code}
          </Badge>
        ))}
        {!isLoading && promotions.length === 0 && (
          <Text size="small" className="text-ui-fg-muted">
            No coupons assigned.
          </Text>
        )}
      </div>
      <form className="flex items-end gap-x-2 px-6 py-4" onSubmit={onSubmit}>
        <div className="flex flex-1 flex-col gap-y-1">
          <Label htmlFor="affiliate-coupon-codes" size="small">
            Promotion codes
          </Label>
          <Input
            id="affiliate-coupon-codes"
            size="small"
            placeholder="SUMMER10, VIP20"
            value={codes}
            onChange={(event) => setCodes(event.target.value)}
          />
        </div>
        <Button
          size="small"
          variant="secondary"
          type="submit"
          disabled={!parseCodes(codes).length}
          isLoading={assign.isPending}
        >
          Assign
        </Button>
      </form>
    </Container>
  )
}
