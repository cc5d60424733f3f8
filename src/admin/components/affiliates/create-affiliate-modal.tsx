import { FormProvider, useForm } from "react-hook-form"
import {
  type AffiliateStatus,
  type CreateAffiliatePayload,
  useCreateAffiliate,
} from "../../hooks/api/affiliates"
import { parseRate } from "../../lib/form-values"
import { FormModal, ModalForm } from "../common/form-modal"
import { SelectField, choicesOf } from "../common/choice-fields"
import {
  AffiliateProfileFields,
  type AffiliateProfileValues,
  showServerFieldError,
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
export const CreateAffiliateModal = ({ open, onOpenChange }: CreateAffiliateModalProps) => (
  <FormModal open={open} onOpenChange={onOpenChange}>
    <CreateAffiliateForm onDone={() => onOpenChange(false)} />
  </FormModal>
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
      onError: showServerFieldError(form.setError),
    })
  })

  return (
    <FormProvider {...form}>
      <ModalForm
        title="Create affiliate"
        description="Approved affiliates earn commission on the orders they refer and on every order of the customers connected to them."
        onSubmit={onSubmit}
        submitLabel="Create"
        isSubmitting={createAffiliate.isPending}
      >
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
      </ModalForm>
    </FormProvider>
  )
}
