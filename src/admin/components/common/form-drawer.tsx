import { Button, Drawer } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { SubmitProps } from "./submit-props"

type FormDrawerProps = {
  title: string
  open: boolean
  onOpenChange: (open: boolean) => void
  children: ReactNode
}

/**
 * A drawer with a title. Its content is mounted on each opening, so a form in
 * it starts from the saved values every time.
 */
export const FormDrawer = ({ title, open, onOpenChange, children }: FormDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>{title}</Drawer.Title>
      </Drawer.Header>
      {children}
    </Drawer.Content>
  </Drawer>
)

/** The form inside a FormDrawer: its fields, then Cancel and submit. */
export const DrawerForm = ({
  onSubmit,
  submitLabel,
  isSubmitting,
  submitDisabled,
  children,
}: SubmitProps & { children: ReactNode }) => (
  <form
    noValidate
    onSubmit={(event) => {
      event.preventDefault()
      onSubmit()
    }}
    className="flex flex-1 flex-col overflow-hidden"
  >
    <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">{children}</Drawer.Body>
    <Drawer.Footer>
      <Drawer.Close asChild>
        <Button type="button" size="small" variant="secondary">
          Cancel
        </Button>
      </Drawer.Close>
      <Button type="submit" size="small" isLoading={isSubmitting} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </Drawer.Footer>
  </form>
)
