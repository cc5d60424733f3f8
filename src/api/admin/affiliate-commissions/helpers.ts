import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { withNetAmount } from "../../utils/commission-net-amount"

export async function refetchCommissions(
  ids: string[],
  scope: MedusaContainer,
  fields: string[]
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "affiliate_commission",
    fields,
    filters: { id: ids },
  })
  return data.map(withNetAmount)
}

export async function refetchCommission(
  id: string,
  scope: MedusaContainer,
  fields: string[]
) {
  const [commission] = await refetchCommissions([id], scope, fields)
  if (!commission) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Commission with id: ${id} was not found`
    )
  }
  return commission
}
