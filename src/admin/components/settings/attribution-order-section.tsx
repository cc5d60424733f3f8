import { Text } from "@medusajs/ui"
import { useState } from "react"
import {
  type AffiliateSettings,
  type AttributionMethod,
  useUpdateAffiliateSettings,
} from "../../hooks/api/affiliate-settings"
import { DrawerForm } from "../common/form-drawer"
import { ATTRIBUTION_METHODS, AttributionOrderField } from "./attribution-order-field"
import { SettingsSection } from "./settings-section"

const DESCRIPTION =
  "When an order qualifies for more than one affiliate, the first method that applies decides who is credited."

/** Which attribution method wins when several apply, first to last. */
export const AttributionOrderSection = ({ settings }: { settings: AffiliateSettings }) => (
  <SettingsSection
    testId="attribution-order-section"
    title="Attribution order"
    description={DESCRIPTION}
    drawerTitle="Edit attribution order"
    form={(close) => <AttributionOrderForm saved={settings.attribution_order} onDone={close} />}
  >
    <ol className="flex flex-col gap-y-2 px-6 py-4">
      {settings.attribution_order.map((method, index) => (
        <li key={method} className="flex gap-x-2">
          <Text size="small" weight="plus" leading="compact" className="w-4">
            {index + 1}.
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            <span className="text-ui-fg-base">{ATTRIBUTION_METHODS[method].label}</span>:{" "}
            {ATTRIBUTION_METHODS[method].description}
          </Text>
        </li>
      ))}
    </ol>
  </SettingsSection>
)

const AttributionOrderForm = ({ saved, onDone }: { saved: AttributionMethod[]; onDone: () => void }) => {
  const update = useUpdateAffiliateSettings()
  const [order, setOrder] = useState(saved)
  return (
    <DrawerForm
      onSubmit={() => update.mutate({ attribution_order: order }, { onSuccess: onDone })}
      submitLabel="Save"
      isSubmitting={update.isPending}
      submitDisabled={order.join() === saved.join()}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {DESCRIPTION}
      </Text>
      <AttributionOrderField value={order} onChange={setOrder} />
    </DrawerForm>
  )
}
