import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { RuleTarget } from "./affiliate-programs"
import { catalogQueryKeys } from "./query-keys"

/** One product, category, collection or product type a rule can target. */
export type RuleTargetOption = {
  id: string
  label: string
  /** A second line: the product's handle, the category's handle… */
  description: string
}

const PICKER_LIMIT = 8

/** Searches Medusa's own catalog through its admin API, by target kind. */
const listRuleTargets = async (target: RuleTarget, q: string): Promise<RuleTargetOption[]> => {
  const query = { q: q || undefined, limit: PICKER_LIMIT }
  switch (target) {
    case "product": {
      const { products } = await sdk.admin.product.list({
        ...query,
        fields: "id,title,handle",
      })
      return products.map((product) => ({
        id: product.id,
        label: product.title,
        description: product.handle,
      }))
    }
    case "category": {
      const { product_categories } = await sdk.admin.productCategory.list({
        ...query,
        fields: "id,name,handle",
      })
      return product_categories.map((category) => ({
        id: category.id,
        label: category.name,
        description: category.handle,
      }))
    }
    case "collection": {
      const { collections } = await sdk.admin.productCollection.list({
        ...query,
        fields: "id,title,handle",
      })
      return collections.map((collection) => ({
        id: collection.id,
        label: collection.title,
        description: collection.handle,
      }))
    }
    case "type": {
      const { product_types } = await sdk.admin.productType.list({
        ...query,
        fields: "id,value",
      })
      return product_types.map((type) => ({
        id: type.id,
        label: type.value,
        description: type.id,
      }))
    }
  }
}

export const useRuleTargets = (target: RuleTarget, q: string) =>
  useQuery({
    queryKey: catalogQueryKeys.ruleTargets(target, q),
    queryFn: () => listRuleTargets(target, q),
    // While a new search loads, the last results of the same kind stay.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === target ? keepPreviousData(previous) : undefined,
  })

/**
 * The store's currencies, default first: the currencies a fixed commission
 * can be given in.
 */
export const useStoreCurrencies = () =>
  useQuery({
    queryKey: catalogQueryKeys.storeCurrencies(),
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({
        fields: "id,*supported_currencies",
      })
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies]
        .sort((a, b) => Number(b.is_default) - Number(a.is_default))
        .map((currency) => currency.currency_code.toLowerCase())
    },
  })

/** An admin user, to name who did something ("reassigned by …"). */
export const useAdminUser = (id: string | null | undefined) =>
  useQuery({
    queryKey: catalogQueryKeys.user(id ?? ""),
    queryFn: async () => {
      const { user } = await sdk.admin.user.retrieve(id as string, {
        fields: "id,email,first_name,last_name",
      })
      return user
    },
    enabled: Boolean(id),
    // A deleted user is not worth retrying: the id is shown instead.
    retry: false,
  })
