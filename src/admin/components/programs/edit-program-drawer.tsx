import { Button, Drawer } from "@medusajs/ui"
import { FormProvider, useForm } from "react-hook-form"
import {
  type AffiliateProgram,
  useUpdateAffiliateProgram,
} from "../../hooks/api/affiliate-programs"
import { type ProgramFormValues, toProgramFormValues, toProgramPayload } from "./program-form"
import { ProgramTermsFields } from "./program-terms-fields"

type EditProgramDrawerProps = {
  program: AffiliateProgram
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits a program's terms; they apply to orders from now on. */
export const EditProgramDrawer = ({ program, open, onOpenChange }: EditProgramDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>Edit terms</Drawer.Title>
      </Drawer.Header>
      {/* Mounted on each opening, so the form starts from the saved values. */}
      <EditProgramForm program={program} onDone={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
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
      <form noValidate onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
        <Drawer.Body className="flex-1 overflow-y-auto">
          <ProgramTermsFields idPrefix="edit-program" />
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button type="button" size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button type="submit" size="small" isLoading={updateProgram.isPending}>
            Save
          </Button>
        </Drawer.Footer>
      </form>
    </FormProvider>
  )
}
