import { Button, Drawer } from "@medusajs/ui"
import { FormProvider, useForm } from "react-hook-form"
import { type Affiliate, useUpdateAffiliate } from "../../hooks/api/affiliates"
import {
  AffiliateProfileFields,
  type AffiliateProfileValues,
  serverFieldError,
} from "./affiliate-profile-fields"
import { parseRate } from "../../lib/form-values"

type EditAffiliateDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits an affiliate's profile; the status has its own actions. */
export const EditAffiliateDrawer = ({
  affiliate,
  open,
  onOpenChange,
}: EditAffiliateDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>Edit affiliate</Drawer.Title>
      </Drawer.Header>
      {/* Mounted on each opening, so the form starts from the saved values. */}
      <EditAffiliateForm affiliate={affiliate} onDone={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
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
        // Empty clears the affiliate's own rate: the store's default applies.
        commission_rate: parseRate(values.commission_rate),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          const fieldError = serverFieldError(error.message)
          if (fieldError) {
            form.setError(fieldError.field, { message: fieldError.message })
          }
        },
      }
    )
  })

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
        <Drawer.Body className="flex-1 overflow-y-auto">
          <AffiliateProfileFields idPrefix="edit-affiliate" mode="edit" />
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button type="button" size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button type="submit" size="small" isLoading={updateAffiliate.isPending}>
            Save
          </Button>
        </Drawer.Footer>
      </form>
    </FormProvider>
  )
}
