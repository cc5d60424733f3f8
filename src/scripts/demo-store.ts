import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { recordCartReferralWorkflow } from "../workflows"

/**
 * A store that takes orders, and a checkout through Medusa's cart workflows:
 * shared by the demo seed and the checkout benchmark (bench/checkout.ts).
 */

/** The demo's sales channel; its existence means the store was set up before. */
export const DEMO_SALES_CHANNEL = "Affiliate Demo Webshop"

const SHIPPING_ADDRESS = {
  first_name: "Demo",
  last_name: "Buyer",
  address_1: "Hauptstraße 1",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
}

export type DemoStore = {
  regionId: string
  salesChannelId: string
  shippingOptionId: string
  variants: { shirt: string; mug: string; cap: string }
}

export type DemoOrder = {
  email: string
  customer_id?: string
  items: { variant_id: string; quantity: number }[]
  /** Recorded on the cart as `?ref=CODE` is: through the referral route's workflow, signed. */
  referralCode?: string
  /** Promotion (coupon) codes applied to the cart. */
  promoCodes?: string[]
}

/**
 * The store, set up as a merchant would in the admin (the same data as
 * integration-tests/helpers/store.ts): channel, region with Medusa's system
 * payment provider, stock location with manual fulfillment, a flat shipping
 * option, products without inventory management.
 */
export async function seedStore(container: MedusaContainer): Promise<DemoStore> {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        { name: DEMO_SALES_CHANNEL, description: "The demo store of the affiliate plugin" },
      ],
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["de"],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })

  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id"] })
  if (store) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          supported_currencies: [{ currency_code: "eur", is_default: true }],
          default_sales_channel_id: salesChannel.id,
          default_region_id: region.id,
        },
      },
    })
  }

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Warehouse Berlin",
          address: { address_1: "Lagerweg 2", city: "Berlin", country_code: "DE" },
        },
      ],
    },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannel.id] },
  })
  await createLinksWorkflow(container).run({
    input: [
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      },
    ],
  })

  await createLocationFulfillmentSetWorkflow(container).run({
    input: {
      location_id: location.id,
      fulfillment_set_data: { name: "Warehouse Berlin shipping", type: "shipping" },
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [withSet],
  } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.id"],
    filters: { id: location.id },
  })
  const fulfillmentSetId = (withSet.fulfillment_sets ?? [])[0]?.id
  if (!fulfillmentSetId) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "the fulfillment set of the demo stock location was not created"
    )
  }
  const {
    result: [serviceZone],
  } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          fulfillment_set_id: fulfillmentSetId,
          name: "Germany",
          geo_zones: [{ type: "country", country_code: "de" }],
        },
      ],
    },
  })

  const {
    result: [shippingProfile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })

  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        service_zone_id: serviceZone.id,
        shipping_profile_id: shippingProfile.id,
        provider_id: "manual_manual",
        price_type: "flat",
        type: { label: "Standard", description: "2–3 days", code: "standard" },
        prices: [{ currency_code: "eur", amount: 4.95 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const product = (title: string, handle: string, amount: number) => ({
    title,
    handle,
    status: "published" as const,
    shipping_profile_id: shippingProfile.id,
    sales_channels: [{ id: salesChannel.id }],
    options: [{ title: "Size", values: ["One size"] }],
    variants: [
      {
        title: "One size",
        sku: `DEMO-${handle.toUpperCase()}`,
        options: { Size: "One size" },
        manage_inventory: false,
        prices: [{ currency_code: "eur", amount }],
      },
    ],
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Shirt", "shirt", 19.99),
        product("Mug", "mug", 7.5),
        product("Cap", "cap", 14),
      ],
    },
  })
  const variantOf = (handle: string) => {
    const variant = products.find((p) => p.handle === handle)?.variants?.[0]
    if (!variant) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `the demo product "${handle}" has no variant`
      )
    }
    return variant.id
  }

  return {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    shippingOptionId: shippingOption.id,
    variants: { shirt: variantOf("shirt"), mug: variantOf("mug"), cap: variantOf("cap") },
  }
}

/** A checkout as the storefront does it, through Medusa's cart workflows. */
export async function placeOrder(
  container: MedusaContainer,
  store: DemoStore,
  order: DemoOrder
): Promise<string> {
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: store.regionId,
      sales_channel_id: store.salesChannelId,
      email: order.email,
      customer_id: order.customer_id,
      items: order.items,
      shipping_address: SHIPPING_ADDRESS,
      billing_address: SHIPPING_ADDRESS,
      promo_codes: order.promoCodes,
    },
  })
  if (order.referralCode) {
    await recordCartReferralWorkflow(container).run({
      input: { cart_id: cart.id, code: order.referralCode },
    })
  }
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: store.shippingOptionId }] },
  })
  const { result: paymentCollection } = await createPaymentCollectionForCartWorkflow(
    container
  ).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: paymentCollection.id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return result.id
}
