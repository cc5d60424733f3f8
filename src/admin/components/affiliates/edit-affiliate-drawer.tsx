import { FormProvider, useForm } from "react-hook-form"
import { type Affiliate, useUpdateAffiliate } from "../../hooks/api/affiliates"
import { parseRate } from "../../lib/form-values"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import {
  AffiliateProfileFields,
  type AffiliateProfileValues,
  showServerFieldError,
} from "./affiliate-profile-fields"

type EditAffiliateDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits an affiliate's profile; the status has its own actions. */
export const EditAffiliateDrawer = ({ affiliate, open, onOpenChange }: EditAffiliateDrawerProps) => (
  <FormDrawer title="Edit affiliate" open={open} onOpenChange={onOpenChange}>
    <EditAffiliateForm affiliate={affiliate} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const EditAffiliateForm = ({
  affiliate,
  onDone,
}: {
  affiliate: Affiliate
  onDone: () => void
}) => {
  const updateAffiliate = useUpdateAffiliate(affiliate.id)
  const form = useForm<AffiliateProfileValues>({
    defaultValues: {
      name: affiliate.name,
      email: affiliate.email,
      code: affiliate.code,
      commission_rate:
        affiliate.commission_rate === null ? "" : String(affiliate.commission_rate),
    },
  })

  const onSubmit = form.handleSubmit((values) => {
    updateAffiliate.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        code: values.code.trim(),
        // Empty clears the affiliate's own rate: their program's commission applies.
        commission_rate: parseRate(values.commission_rate),
      },
      { onSuccess: onDone, onError: showServerFieldError(form.setError) }
    )
  })

  return (
    <FormProvider {...form}>
      <DrawerForm onSubmit={onSubmit} submitLabel="Save" isSubmitting={updateAffiliate.isPending}>
        <AffiliateProfileFields idPrefix="edit-affiliate" mode="edit" />
      </DrawerForm>
    </FormProvider>
  )
}
