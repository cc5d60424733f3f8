import { Badge } from "@medusajs/ui"
import type { AffiliateConnectionSource } from "../../hooks/api/affiliate-connections"

const SOURCE_COLORS: Record<
  AffiliateConnectionSource,
  "blue" | "green" | "purple" | "grey"
> = {
  admin: "blue",
  referral: "green",
  import: "purple",
  api: "grey",
}

export const SOURCE_LABELS: Record<AffiliateConnectionSource, string> = {
  admin: "Admin",
  referral: "Referral",
  import: "Import",
  api: "API",
}

export const ConnectionSourceBadge = ({
  source,
}: {
  source: AffiliateConnectionSource
}) => (
  <Badge size="2xsmall" color={SOURCE_COLORS[source]} data-source={source}>
    {SOURCE_LABELS[source]}
  </Badge>
)
