import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import { FormProvider, useForm } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { useCreateAffiliateProgram } from "../../hooks/api/affiliate-programs"
import { EMPTY_PROGRAM, type ProgramFormValues, toProgramPayload } from "./program-form"
import { ProgramTermsFields } from "./program-terms-fields"

type CreateProgramModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Creates a program with its terms; its rules are added on its page. */
export const CreateProgramModal = ({ open, onOpenChange }: CreateProgramModalProps) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>
      {/* Mounted on each opening, so every opening starts from a fresh form. */}
      <CreateProgramForm onDone={() => onOpenChange(false)} />
    </FocusModal.Content>
  </FocusModal>
)

const CreateProgramForm = ({ onDone }: { onDone: () => void }) => {
  const navigate = useNavigate()
  const createProgram = useCreateAffiliateProgram()
  const form = useForm<ProgramFormValues>({ defaultValues: EMPTY_PROGRAM })

  const onSubmit = form.handleSubmit((values) => {
    createProgram.mutate(toProgramPayload(values), {
      onSuccess: ({ program }) => {
        onDone()
        // Its rules are added on its page.
        navigate(`/affiliates/programs/${program.id}`)
      },
    })
  })

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden">
        <FocusModal.Header />
        <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto">
          <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-2 py-16">
            <div className="flex flex-col gap-y-1">
              <FocusModal.Title asChild>
                <Heading>Create program</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  A group of affiliates with their own terms. Add commission
                  rules for products, collections, categories or types on the
                  program's page.
                </Text>
              </FocusModal.Description>
            </div>
            <ProgramTermsFields idPrefix="create-program" />
          </div>
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button type="button" size="small" variant="secondary">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button type="submit" size="small" isLoading={createProgram.isPending}>
              Create
            </Button>
          </div>
        </FocusModal.Footer>
      </form>
    </FormProvider>
  )
}
