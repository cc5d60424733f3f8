import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import { FormProvider, useForm } from "react-hook-form"
import {
  type AffiliateStatus,
  type CreateAffiliatePayload,
  useCreateAffiliate,
} from "../../hooks/api/affiliates"
import { SelectField, choicesOf } from "../common/select-field"
import { parseRate } from "../../lib/form-values"
import {
  AffiliateProfileFields,
  type AffiliateProfileValues,
  serverFieldError,
} from "./affiliate-profile-fields"
import { AFFILIATE_STATUS_LABELS } from "./status-badge"

type CreateAffiliateModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

type CreateAffiliateFormValues = AffiliateProfileValues & {
  status: AffiliateStatus
}

const toPayload = (values: CreateAffiliateFormValues): CreateAffiliatePayload => ({
  name: values.name.trim(),
  email: values.email.trim(),
  code: values.code.trim() || undefined,
  commission_rate: parseRate(values.commission_rate) ?? undefined,
  status: values.status,
})

/** Adds an affiliate by hand: profile, optional code and rate, status. */
export const CreateAffiliateModal = ({
  open,
  onOpenChange,
}: CreateAffiliateModalProps) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>
      {/* Mounted on each opening, so every opening starts from a fresh form. */}
      <CreateAffiliateForm onDone={() => onOpenChange(false)} />
    </FocusModal.Content>
  </FocusModal>
)

const CreateAffiliateForm = ({ onDone }: { onDone: () => void }) => {
  const createAffiliate = useCreateAffiliate()
  const form = useForm<CreateAffiliateFormValues>({
    defaultValues: {
      name: "",
      email: "",
      code: "",
      commission_rate: "",
      status: "pending",
    },
  })

  const onSubmit = form.handleSubmit((values) => {
    createAffiliate.mutate(toPayload(values), {
      onSuccess: onDone,
      onError: (error) => {
        const fieldError = serverFieldError(error.message)
        if (fieldError) {
          form.setError(fieldError.field, { message: fieldError.message })
        }
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
                <Heading>Create affiliate</Heading>
              </FocusModal.Title>
              <FocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Approved affiliates earn commission on the orders they
                  refer and on every order of the customers connected to them.
                </Text>
              </FocusModal.Description>
            </div>
            <AffiliateProfileFields
              idPrefix="create-affiliate"
              mode="create"
              className="grid-cols-1 md:grid-cols-2"
            />
            <div className="grid grid-cols-1 md:grid-cols-2">
              <SelectField
                control={form.control}
                name="status"
                id="create-affiliate-status"
                label="Status"
                hint="Only approved affiliates earn commissions."
                choices={choicesOf(AFFILIATE_STATUS_LABELS)}
              />
            </div>
          </div>
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button type="button" size="small" variant="secondary">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button type="submit" size="small" isLoading={createAffiliate.isPending}>
              Create
            </Button>
          </div>
        </FocusModal.Footer>
      </form>
    </FormProvider>
  )
}
