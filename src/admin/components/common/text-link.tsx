import { Text, clx } from "@medusajs/ui"
import type { ComponentProps } from "react"
import { Link } from "react-router-dom"

/**
 * A link to another admin page, in Medusa's link colours. In a clickable
 * row, following it does not also open the row.
 */
export const TextLink = ({ className, onClick, ...props }: ComponentProps<typeof Link>) => (
  <Link
    className={clx("text-ui-fg-interactive hover:text-ui-fg-interactive-hover", className)}
    onClick={(event) => {
      event.stopPropagation()
      onClick?.(event)
    }}
    {...props}
  />
)

/** "Name (CODE)", linked to the affiliate's page; a deleted affiliate is named so. */
export const AffiliateLink = ({
  affiliate,
}: {
  affiliate: { id: string; name: string; code: string } | null
}) =>
  affiliate ? (
    <TextLink to={`/affiliates/${affiliate.id}`}>
      {affiliate.name} ({affiliate.code})
    </TextLink>
  ) : (
    <span className="text-ui-fg-muted">Deleted affiliate</span>
  )

/** A table cell's link with a second line under it (a customer and their email). */
export const LinkCell = ({ to, title, detail }: { to: string; title: string; detail: string }) => (
  <div className="flex flex-col py-1">
    <TextLink to={to} className="txt-compact-small-plus">
      {title}
    </TextLink>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {detail}
    </Text>
  </div>
)
