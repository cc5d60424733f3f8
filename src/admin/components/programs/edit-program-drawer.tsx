import { FormProvider, useForm } from "react-hook-form"
import {
  type AffiliateProgram,
  useUpdateAffiliateProgram,
} from "../../hooks/api/affiliate-programs"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import { type ProgramFormValues, toProgramFormValues, toProgramPayload } from "./program-form"
import { ProgramTermsFields } from "./program-terms-fields"

type EditProgramDrawerProps = {
  program: AffiliateProgram
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits a program's terms; they apply to orders from now on. */
export const EditProgramDrawer = ({ program, open, onOpenChange }: EditProgramDrawerProps) => (
  <FormDrawer title="Edit terms" open={open} onOpenChange={onOpenChange}>
    <EditProgramForm program={program} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const EditProgramForm = ({
  program,
  onDone,
}: {
  program: AffiliateProgram
  onDone: () => void
}) => {
  const updateProgram = useUpdateAffiliateProgram(program.id)
  const form = useForm<ProgramFormValues>({ defaultValues: toProgramFormValues(program) })

  const onSubmit = form.handleSubmit((values) => {
    updateProgram.mutate(toProgramPayload(values), { onSuccess: onDone })
  })

  return (
    <FormProvider {...form}>
      <DrawerForm onSubmit={onSubmit} submitLabel="Save" isSubmitting={updateProgram.isPending}>
        <ProgramTermsFields idPrefix="edit-program" />
      </DrawerForm>
    </FormProvider>
  )
}
