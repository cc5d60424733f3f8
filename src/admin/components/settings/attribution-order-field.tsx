import { ArrowDownMini, ArrowUpMini } from "@medusajs/icons"
import { IconButton, Text } from "@medusajs/ui"
import type { AttributionMethod } from "../../hooks/api/affiliate-settings"

export const ATTRIBUTION_METHODS: Record<AttributionMethod, { label: string; description: string }> = {
  connection: {
    label: "Connection",
    description: "The customer is connected to an affiliate.",
  },
  coupon: {
    label: "Coupon",
    description: "The order used a promotion code assigned to an affiliate.",
  },
  link: {
    label: "Referral link",
    description: "The cart carries an affiliate's referral code from a link.",
  },
}

type AttributionOrderFieldProps = {
  value: AttributionMethod[]
  onChange: (order: AttributionMethod[]) => void
}

const move = (order: AttributionMethod[], from: number, to: number) => {
  const next = [...order]
  const [method] = next.splice(from, 1)
  next.splice(to, 0, method)
  return next
}

/** The attribution methods in priority order, moved with up and down buttons. */
export const AttributionOrderField = ({
  value,
  onChange,
}: AttributionOrderFieldProps) => (
  <ol
    aria-label="Attribution order"
    className="shadow-borders-base bg-ui-bg-base divide-y overflow-hidden rounded-lg"
  >
    {value.map((method, index) => (
      <li
        key={method}
        data-method={method}
        className="flex items-center justify-between gap-x-3 px-4 py-2.5"
      >
        <div className="flex items-center gap-x-3">
          <Text size="small" weight="plus" leading="compact" className="text-ui-fg-muted w-4">
            {index + 1}
          </Text>
          <div className="flex flex-col">
            <Text size="small" weight="plus" leading="compact">
              {ATTRIBUTION_METHODS[method].label}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {ATTRIBUTION_METHODS[method].description}
            </Text>
          </div>
        </div>
        <div className="flex items-center gap-x-1">
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            aria-label={`Move ${ATTRIBUTION_METHODS[method].label} up`}
            disabled={index === 0}
            onClick={() => onChange(move(value, index, index - 1))}
          >
            <ArrowUpMini />
          </IconButton>
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            aria-label={`Move ${ATTRIBUTION_METHODS[method].label} down`}
            disabled={index === value.length - 1}
            onClick={() => onChange(move(value, index, index + 1))}
          >
            <ArrowDownMini />
          </IconButton>
        </div>
      </li>
    ))}
  </ol>
)
