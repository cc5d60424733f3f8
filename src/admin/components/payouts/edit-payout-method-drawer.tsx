import { Textarea } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import {
  type PayoutMethod,
  type SetPayoutMethodPayload,
  useSetAffiliatePayoutMethod,
} from "../../hooks/api/affiliate-payouts"
import type { AffiliateDetailResponse } from "../../hooks/api/affiliates"
import { serverErrorMessage, toastServerError } from "../../lib/server-errors"
import { choicesOf, SelectField } from "../common/choice-fields"
import { DrawerForm, FormDrawer } from "../common/form-drawer"
import { FormField, InputField } from "../common/form-field"
import { PAYOUT_METHOD_LABELS } from "./payout-method"

type Affiliate = AffiliateDetailResponse["affiliate"]

type PayoutMethodValues = {
  payout_method: PayoutMethod | "none"
  paypal_email: string
  instructions: string
}

const METHOD_CHOICES = choicesOf({ none: "Not set", ...PAYOUT_METHOD_LABELS })

/** The server names the detail it refuses (`payout_details.paypal_email: …`): shown by its field. */
const DETAIL_ERROR = /^payout_details\.(paypal_email|instructions): /

const toPayload = (values: PayoutMethodValues): SetPayoutMethodPayload => {
  switch (values.payout_method) {
    case "none":
      return { payout_method: null }
    case "paypal":
      return { payout_method: "paypal", payout_details: { paypal_email: values.paypal_email.trim() } }
    default:
      return {
        payout_method: values.payout_method,
        payout_details: { instructions: values.instructions.trim() },
      }
  }
}

type EditPayoutMethodDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * Sets how an affiliate is paid on their behalf (they are emailed about it).
 * Payouts already in a batch keep the details they were made with.
 */
export const EditPayoutMethodDrawer = ({ affiliate, open, onOpenChange }: EditPayoutMethodDrawerProps) => (
  <FormDrawer title="Payout method" open={open} onOpenChange={onOpenChange}>
    <EditPayoutMethodForm affiliate={affiliate} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const EditPayoutMethodForm = ({ affiliate, onDone }: { affiliate: Affiliate; onDone: () => void }) => {
  const setPayoutMethod = useSetAffiliatePayoutMethod(affiliate.id)
  const form = useForm<PayoutMethodValues>({
    defaultValues: {
      payout_method: affiliate.payout_method ?? "none",
      paypal_email: affiliate.payout_details?.paypal_email ?? "",
      instructions: affiliate.payout_details?.instructions ?? "",
    },
  })
  const method = form.watch("payout_method")
  const { errors } = form.formState

  const onSubmit = form.handleSubmit((values) => {
    setPayoutMethod.mutate(toPayload(values), {
      onSuccess: onDone,
      onError: (error) => {
        const field = DETAIL_ERROR.exec(error.message)?.[1] as "paypal_email" | "instructions" | undefined
        if (field) {
          form.setError(field, { message: serverErrorMessage(error) })
        } else {
          toastServerError(error)
        }
      },
    })
  })

  return (
    <DrawerForm onSubmit={onSubmit} submitLabel="Save" isSubmitting={setPayoutMethod.isPending}>
      <SelectField
        control={form.control}
        name="payout_method"
        id="payout-method"
        label="Method"
        hint={`${affiliate.name} is emailed when it changes. Payouts already in a batch keep the details they were made with.`}
        choices={METHOD_CHOICES}
      />
      {method === "paypal" && (
        <InputField
          id="payout-paypal-email"
          label="PayPal email"
          type="email"
          error={errors.paypal_email?.message}
          {...form.register("paypal_email", { required: "Enter the PayPal email to pay" })}
        />
      )}
      {(method === "bank_transfer" || method === "other") && (
        <FormField
          id="payout-instructions"
          label="Instructions"
          hint="How to pay them: account holder, IBAN and BIC, or anything else they asked for."
          error={errors.instructions?.message}
        >
          <Textarea
            id="payout-instructions"
            rows={4}
            aria-invalid={Boolean(errors.instructions)}
            {...form.register("instructions", { required: "Say how to pay them" })}
          />
        </FormField>
      )}
    </DrawerForm>
  )
}
