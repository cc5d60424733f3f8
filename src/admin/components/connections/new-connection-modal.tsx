import { Checkbox, Hint, InlineTip, Label } from "@medusajs/ui"
import { Controller, useForm } from "react-hook-form"
import {
  type AffiliateSummary,
  type CreateAffiliateConnectionPayload,
  useCreateAffiliateConnection,
} from "../../hooks/api/affiliate-connections"
import { AffiliatePicker } from "./affiliate-picker"
import { CustomerPicker, type PickedCustomer } from "./customer-picker"
import { personName } from "../../lib/format"
import { isEmail } from "../../lib/form-values"
import { ChoiceBoxesField } from "../common/choice-fields"
import { ControlledField, FormField, InputField } from "../common/form-field"
import { FormModal, ModalForm } from "../common/form-modal"
import { SummaryCard } from "../common/summary-card"

type NewConnectionModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Preselects the affiliate (the affiliate's page). */
  affiliate?: AffiliateSummary
  /** Fixes the customer (the customer's page); only the affiliate is picked. */
  customer?: PickedCustomer
  /** The fixed customer's current affiliate: connecting moves them (`replace: true`). */
  currentAffiliate?: AffiliateSummary
}

type NewConnectionFormValues = {
  affiliate: AffiliateSummary | null
  customer_mode: "existing" | "new"
  customer: PickedCustomer | null
  first_name: string
  last_name: string
  email: string
  replace: boolean
}

const toPayload = (
  values: NewConnectionFormValues,
  affiliateId: string
): CreateAffiliateConnectionPayload => {
  const replace = values.replace || undefined
  if (values.customer_mode === "existing" && values.customer) {
    return { affiliate_id: affiliateId, customer_id: values.customer.id, replace }
  }
  return {
    affiliate_id: affiliateId,
    customer: {
      email: values.email.trim(),
      first_name: values.first_name.trim() || undefined,
      last_name: values.last_name.trim() || undefined,
    },
    replace,
  }
}

/**
 * Connects a customer to an affiliate: pick the affiliate, then an existing
 * customer or a new one (created by the server), then Connect.
 */
export const NewConnectionModal = ({
  open,
  onOpenChange,
  ...props
}: NewConnectionModalProps) => (
  <FormModal open={open} onOpenChange={onOpenChange}>
    <NewConnectionForm {...props} onDone={() => onOpenChange(false)} />
  </FormModal>
)

const NewConnectionForm = ({
  affiliate,
  customer,
  currentAffiliate,
  onDone,
}: Omit<NewConnectionModalProps, "open" | "onOpenChange"> & {
  onDone: () => void
}) => {
  const createConnection = useCreateAffiliateConnection()
  const form = useForm<NewConnectionFormValues>({
    defaultValues: {
      affiliate: affiliate ?? null,
      customer_mode: "existing",
      customer: customer ?? null,
      first_name: "",
      last_name: "",
      email: "",
      replace: Boolean(currentAffiliate),
    },
  })
  const customerMode = form.watch("customer_mode")
  const { errors } = form.formState

  const onSubmit = form.handleSubmit((values) => {
    if (!values.affiliate) {
      return
    }
    createConnection.mutate(toPayload(values, values.affiliate.id), {
      onSuccess: onDone,
    })
  })

  const title = customer
    ? currentAffiliate
      ? "Change affiliate"
      : "Connect to an affiliate"
    : "New connection"

  return (
    <ModalForm
      title={title}
      description="Every future order of the customer credits the affiliate, with no link or coupon."
      onSubmit={onSubmit}
      submitLabel="Connect"
      isSubmitting={createConnection.isPending}
    >
      <ControlledField
        control={form.control}
        name="affiliate"
        label="Affiliate"
        rules={{ required: "Select an affiliate" }}
      >
        {(field) => (
          <AffiliatePicker
            value={field.value}
            onChange={field.onChange}
            excludeId={currentAffiliate?.id}
          />
        )}
      </ControlledField>

      <FormField label="Customer" error={errors.customer?.message}>
        {customer ? (
          <SummaryCard title={personName(customer)} description={customer.email} />
        ) : (
          <>
            <ChoiceBoxesField
              control={form.control}
              name="customer_mode"
              label="Customer"
              choices={[
                {
                  value: "existing",
                  label: "Existing customer",
                  description: "Search the store's customers",
                },
                {
                  value: "new",
                  label: "New customer",
                  description: "Create a customer with a name and email",
                },
              ]}
            />
            {customerMode === "new" ? (
              <div className="grid grid-cols-2 gap-4">
                <InputField
                  id="connection-first-name"
                  label="First name"
                  {...form.register("first_name")}
                />
                <InputField
                  id="connection-last-name"
                  label="Last name"
                  {...form.register("last_name")}
                />
                <div className="col-span-2">
                  <InputField
                    id="connection-email"
                    label="Email"
                    type="email"
                    error={errors.email?.message}
                    {...form.register("email", {
                      validate: (email, values) =>
                        values.customer_mode !== "new" ||
                        isEmail(email) ||
                        "Enter the customer's email address",
                    })}
                  />
                </div>
              </div>
            ) : (
              <Controller
                control={form.control}
                name="customer"
                rules={{
                  validate: (picked, values) =>
                    values.customer_mode !== "existing" ||
                    Boolean(picked) ||
                    "Select a customer",
                }}
                render={({ field }) => (
                  <CustomerPicker value={field.value} onChange={field.onChange} />
                )}
              />
            )}
          </>
        )}
      </FormField>

      {currentAffiliate ? (
        <InlineTip label="Replaces" variant="warning">
          This customer is connected to {currentAffiliate.name} (
          {currentAffiliate.code}). Connecting moves them to the new
          affiliate; past commissions stay with {currentAffiliate.name}.
        </InlineTip>
      ) : (
        <Controller
          control={form.control}
          name="replace"
          render={({ field }) => (
            <div className="flex items-start gap-x-3">
              <Checkbox
                id="connection-replace"
                checked={field.value}
                onCheckedChange={(checked) => field.onChange(checked === true)}
              />
              <div className="flex flex-col">
                <Label size="small" weight="plus" htmlFor="connection-replace">
                  Replace the current affiliate
                </Label>
                <Hint>
                  If the customer already has an affiliate, move them to
                  this one. Otherwise connecting such a customer fails.
                </Hint>
              </div>
            </div>
          )}
        />
      )}
    </ModalForm>
  )
}
