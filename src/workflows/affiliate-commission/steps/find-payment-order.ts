import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const findPaymentOrderStepId = "find-payment-order"

/** The order a payment was made for, if any (read only). */
export const findPaymentOrderStep = createStep(
  findPaymentOrderStepId,
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: ["payment_collection_id"],
      filters: { id: input.payment_id },
    })
    const { data: links } = payment
      ? await query.graph({
          entity: "order_payment_collection",
          fields: ["order_id"],
          filters: { payment_collection_id: payment.payment_collection_id },
        })
      : { data: [] }
    return new StepResponse({ order_id: (links[0]?.order_id as string | undefined) ?? null })
  }
)
