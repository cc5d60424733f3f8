import { StatusBadge } from "@medusajs/ui"

/** A setting's state as Medusa's own settings pages show one. */
export const onOff = (enabled: boolean) => (
  <StatusBadge color={enabled ? "green" : "grey"}>{enabled ? "On" : "Off"}</StatusBadge>
)
