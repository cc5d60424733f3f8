import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createApiKeysWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
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
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import {
  createAffiliateConnectionWorkflow,
  createAffiliatesWorkflow,
  creditOrderWorkflow,
  recordCartReferralWorkflow,
} from "../workflows"

/** The demo's sales channel; its existence means the seed ran before. */
export const DEMO_SALES_CHANNEL = "Affiliate Demo Webshop"
/**
 * The publishable key is created last: it marks a complete seed, and
 * `scripts/demo.js` reads it from the database by this title.
 */
export const DEMO_API_KEY_TITLE = "Affiliate demo webshop"

const AFFILIATES = [
  { name: "Jane Doe", email: "jane@example.com", code: "JANE", status: "approved", commission_rate: 15 },
  { name: "Max Mustermann", email: "max@example.com", code: "MAX", status: "approved" },
  { name: "Lena Fischer", email: "lena@example.com", code: "LENA", status: "approved" },
  { name: "Paula Pending", email: "paula@example.com", code: "PAULA", status: "pending" },
  { name: "Bert Blocked", email: "bert@example.com", code: "BERT", status: "blocked" },
] as const

const CUSTOMERS = [
  { email: "cora@example.com", first_name: "Cora", last_name: "Connected" },
  { email: "nils@example.com", first_name: "Nils", last_name: "Neumann" },
  { email: "ida@example.com", first_name: "Ida", last_name: "Independent" },
]

const SHIPPING_ADDRESS = {
  first_name: "Demo",
  last_name: "Buyer",
  address_1: "Hauptstraße 1",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
}

type Store = {
  regionId: string
  salesChannelId: string
  shippingOptionId: string
  variants: { shirt: string; mug: string; cap: string }
  publishableKey: string
}

type DemoOrder = {
  label: string
  email: string
  customer_id?: string
  items: { variant_id: string; quantity: number }[]
  /** Recorded on the cart the way `?ref=CODE` is: `metadata.affiliate_code`. */
  referralCode?: string
}

async function isSeeded(container: MedusaContainer): Promise<boolean> {
  const salesChannels = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: DEMO_SALES_CHANNEL }, { select: ["id"] })
  const affiliates = await container
    .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    .listAffiliates({ code: AFFILIATES.map((a) => a.code) }, { select: ["id"] })
  return salesChannels.length > 0 || affiliates.length > 0
}

/**
 * The store, set up as a merchant would in the admin (the same data as
 * integration-tests/helpers/store.ts): channel, region with Medusa's system
 * payment provider, stock location with manual fulfillment, a flat shipping
 * option, products without inventory management.
 */
async function seedStore(container: MedusaContainer): Promise<Omit<Store, "publishableKey">> {
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
async function placeOrder(
  container: MedusaContainer,
  store: Omit<Store, "publishableKey">,
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

/**
 * `npx medusa exec ./src/scripts/seed-demo.ts`: the demo store with the
 * plugin's data — affiliates in each status, customers connected by an admin,
 * orders placed through Medusa's cart completion (by connected customers and
 * through referral links) and the commissions they earned. Runs once: when
 * the demo data exists it says so and changes nothing.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  if (await isSeeded(container)) {
    logger.info("Demo data: already seeded, nothing to do.")
    return
  }

  logger.info("Demo data: setting up the store…")
  const store = await seedStore(container)

  logger.info("Demo data: affiliates, customers and connections…")
  const { result: affiliates } = await createAffiliatesWorkflow(container).run({
    input: { affiliates: AFFILIATES.map((affiliate) => ({ ...affiliate })) },
  })
  const affiliateId = (code: string) => affiliates.find((a) => a.code === code)!.id

  const { result: customers } = await createCustomersWorkflow(container).run({
    input: { customersData: CUSTOMERS },
  })
  const customerId = (email: string) => customers.find((c) => c.email === email)!.id

  for (const [email, code] of [
    ["cora@example.com", "JANE"],
    ["nils@example.com", "MAX"],
  ]) {
    await createAffiliateConnectionWorkflow(container).run({
      input: {
        affiliate_id: affiliateId(code),
        customer_id: customerId(email),
        source: "admin",
        created_by: "seed-demo",
      },
    })
  }
  // A connection made by email: the customer is created by the workflow.
  await createAffiliateConnectionWorkflow(container).run({
    input: {
      affiliate_id: affiliateId("LENA"),
      customer: { email: "olga@example.com", first_name: "Olga", last_name: "Offline" },
      source: "admin",
      created_by: "seed-demo",
    },
  })

  logger.info("Demo data: orders…")
  const { shirt, mug, cap } = store.variants
  const orders: DemoOrder[] = [
    {
      label: "connected customer of Jane (15 % override)",
      email: "cora@example.com",
      customer_id: customerId("cora@example.com"),
      items: [{ variant_id: shirt, quantity: 2 }],
    },
    {
      label: "connected customer of Jane, second order",
      email: "cora@example.com",
      customer_id: customerId("cora@example.com"),
      items: [{ variant_id: mug, quantity: 1 }],
    },
    {
      label: "connected customer of Max, via Jane's link: the connection wins",
      email: "nils@example.com",
      customer_id: customerId("nils@example.com"),
      items: [{ variant_id: cap, quantity: 1 }, { variant_id: mug, quantity: 2 }],
      referralCode: "JANE",
    },
    {
      label: "guest referred by Lena's link (becomes her referred customer)",
      email: "tom@example.com",
      items: [{ variant_id: shirt, quantity: 1 }],
      referralCode: "LENA",
    },
    {
      label: "customer without an affiliate",
      email: "ida@example.com",
      customer_id: customerId("ida@example.com"),
      items: [{ variant_id: mug, quantity: 3 }],
    },
  ]

  const orderIds: string[] = []
  for (const order of orders) {
    orderIds.push(await placeOrder(container, store, order))
  }

  // The order.placed subscriber credits orders in a running server; a script
  // exits before the event bus is done, so credit them here (idempotent: an
  // order the subscriber already decided is left as it is).
  for (const orderId of orderIds) {
    await creditOrderWorkflow(container).run({ input: { order_id: orderId } })
  }

  // Last: the key marks a complete seed (scripts/demo.js looks for it).
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: DEMO_API_KEY_TITLE, type: "publishable", created_by: "seed-demo" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [store.salesChannelId] },
  })

  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [commissions, connections, allCustomers] = await Promise.all([
    service.listAffiliateCommissions({}, { select: ["id"] }),
    service.listAffiliateConnections({ ended_at: null }, { select: ["id"] }),
    container.resolve(Modules.CUSTOMER).listCustomers({}, { select: ["id"] }),
  ])
  logger.info(
    `Demo data: ${affiliates.length} affiliates, ${allCustomers.length} customers, ` +
      `${connections.length} connections, ${orderIds.length} orders, ${commissions.length} commissions.`
  )
  logger.info(`publishable key: ${apiKey.token}`)
}
