import { PencilSquare } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { type ReactNode, useState } from "react"
import { FormDrawer } from "../common/form-drawer"
import { type HeaderAction, SectionHeader } from "../common/section-header"

type SettingsSectionProps = {
  testId: string
  title: string
  /** h1 for the page's first section. */
  level?: "h1" | "h2"
  description: string
  drawerTitle: string
  /** Buttons after Edit. */
  actions?: HeaderAction[]
  /** The drawer's form, mounted on each opening; `close` once it saved. */
  form: (close: () => void) => ReactNode
  /** The saved values, as rows. */
  children: ReactNode
}

/** One section of the settings page: its values, and an Edit drawer that saves only them. */
export const SettingsSection = ({
  testId,
  title,
  level,
  description,
  drawerTitle,
  actions = [],
  form,
  children,
}: SettingsSectionProps) => {
  const [editing, setEditing] = useState(false)
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <SectionHeader
        level={level}
        title={title}
        description={description}
        actions={[{ label: "Edit", icon: <PencilSquare />, onClick: () => setEditing(true) }, ...actions]}
      />
      {children}
      <FormDrawer title={drawerTitle} open={editing} onOpenChange={setEditing}>
        {form(() => setEditing(false))}
      </FormDrawer>
    </Container>
  )
}
