import { Button, FocusModal, Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { SubmitProps } from "./submit-props"

type FormModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  children: ReactNode
}

/**
 * A full-screen modal. Its content is mounted on each opening, so a form in
 * it starts afresh every time.
 */
export const FormModal = ({ open, onOpenChange, children }: FormModalProps) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>{children}</FocusModal.Content>
  </FocusModal>
)

type ModalFormProps = SubmitProps & {
  title: ReactNode
  description: ReactNode
  /** A button under the description (a sample file to download). */
  descriptionAction?: ReactNode
  /** Room for a table (a preview, a report); forms read best narrower. */
  wide?: boolean
  /** Buttons between Cancel and the submit button. */
  extraActions?: ReactNode
  children: ReactNode
}

/** The form inside a FormModal: title, fields in a centred column, Cancel and submit. */
export const ModalForm = ({
  title,
  description,
  descriptionAction,
  wide,
  extraActions,
  onSubmit,
  submitLabel,
  isSubmitting,
  submitDisabled,
  children,
}: ModalFormProps) => (
  <form
    noValidate
    onSubmit={(event) => {
      event.preventDefault()
      onSubmit()
    }}
    className="flex h-full flex-col overflow-hidden"
  >
    <FocusModal.Header />
    <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto">
      <div
        className={clx(
          "flex w-full flex-col gap-y-8 px-2 py-16",
          wide ? "max-w-[960px]" : "max-w-[720px]"
        )}
      >
        <div className="flex flex-col gap-y-1">
          <FocusModal.Title asChild>
            <Heading>{title}</Heading>
          </FocusModal.Title>
          <FocusModal.Description asChild>
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          </FocusModal.Description>
          {descriptionAction && <div>{descriptionAction}</div>}
        </div>
        {children}
      </div>
    </FocusModal.Body>
    <FocusModal.Footer>
      <div className="flex items-center justify-end gap-x-2">
        <FocusModal.Close asChild>
          <Button type="button" size="small" variant="secondary">
            Cancel
          </Button>
        </FocusModal.Close>
        {extraActions}
        <Button type="submit" size="small" isLoading={isSubmitting} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </div>
    </FocusModal.Footer>
  </form>
)
