import { FormProvider, useForm } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { useCreateAffiliateProgram } from "../../hooks/api/affiliate-programs"
import { FormModal, ModalForm } from "../common/form-modal"
import { EMPTY_PROGRAM, type ProgramFormValues, toProgramPayload } from "./program-form"
import { ProgramTermsFields } from "./program-terms-fields"

type CreateProgramModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Creates a program with its terms; its rules are added on its page. */
export const CreateProgramModal = ({ open, onOpenChange }: CreateProgramModalProps) => (
  <FormModal open={open} onOpenChange={onOpenChange}>
    <CreateProgramForm onDone={() => onOpenChange(false)} />
  </FormModal>
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
      <ModalForm
        title="Create program"
        description="A group of affiliates with their own terms. Add commission rules for products, collections, categories or types on the program's page."
        onSubmit={onSubmit}
        submitLabel="Create"
        isSubmitting={createProgram.isPending}
      >
        <ProgramTermsFields idPrefix="create-program" />
      </ModalForm>
    </FormProvider>
  )
}
