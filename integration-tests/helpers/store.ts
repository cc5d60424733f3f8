import type { AxiosInstance } from "axios"
import type { AdminHeaders } from "./admin"

type Api = AxiosInstance

export type TestStore = {
  regionId: string
  /** Of the region's one country; checkouts ship there. */
  countryCode: string
  salesChannelId: string
  /** The one shipping option: checkouts choose it without listing the options first. */
  shippingOptionId: string
  publishableKey: string
  variants: { shirt: string; mug: string }
  storeHeaders: (customerToken?: string) => { headers: Record<string, string> }
}

/**
 * Where the store sells. Suites sharing one database (the browser suites) each
 * need their own: a country is in one region only, and product handles and
 * shipping profile names are unique.
 */
export type StoreMarket = {
  /** Prefixes the names of what is created; none for the default market. */
  label?: string
  countryCode?: string
  currencyCode?: string
}

/**
 * A store that can take orders over HTTP, set up through the admin API the
 * way a merchant would: channel, stock location, fulfillment, region with
 * Medusa's system payment provider, shipping option, products, publishable key.
 */
export async function setUpStore(
  api: Api,
  admin: AdminHeaders,
  { label = "", countryCode = "de", currencyCode = "eur" }: StoreMarket = {}
): Promise<TestStore> {
  const named = (name: string) => (label ? `${label} ${name}` : name)
  const { sales_channel } = (
    await api.post("/admin/sales-channels", { name: named("Webshop") }, admin)
  ).data
  const { stock_location } = (
    await api.post("/admin/stock-locations", { name: named("Warehouse") }, admin)
  ).data
  await api.post(
    `/admin/stock-locations/${stock_location.id}/sales-channels`,
    { add: [sales_channel.id] },
    admin
  )
  await api.post(
    `/admin/stock-locations/${stock_location.id}/fulfillment-providers`,
    { add: ["manual_manual"] },
    admin
  )
  const withSet = (
    await api.post(
      `/admin/stock-locations/${stock_location.id}/fulfillment-sets?fields=*fulfillment_sets`,
      { name: named("Shipping"), type: "shipping" },
      admin
    )
  ).data.stock_location
  const { fulfillment_set } = (
    await api.post(
      `/admin/fulfillment-sets/${withSet.fulfillment_sets[0].id}/service-zones`,
      { name: named("Zone"), geo_zones: [{ type: "country", country_code: countryCode }] },
      admin
    )
  ).data
  const { shipping_profile } = (
    await api.post("/admin/shipping-profiles", { name: named("Default"), type: "default" }, admin)
  ).data
  const { region } = (
    await api.post(
      "/admin/regions",
      {
        name: named("Europe"),
        currency_code: currencyCode,
        countries: [countryCode],
        payment_providers: ["pp_system_default"],
      },
      admin
    )
  ).data
  const { shipping_option } = (
    await api.post(
      "/admin/shipping-options",
      {
        name: "Standard",
        service_zone_id: fulfillment_set.service_zones[0].id,
        shipping_profile_id: shipping_profile.id,
        provider_id: "manual_manual",
        price_type: "flat",
        type: { label: "Standard", description: "2–3 days", code: "standard" },
        prices: [{ currency_code: currencyCode, amount: 4.95 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
      admin
    )
  ).data

  const product = async (title: string, amount: number) =>
    (
      await api.post(
        "/admin/products",
        {
          title: named(title),
          status: "published",
          shipping_profile_id: shipping_profile.id,
          sales_channels: [{ id: sales_channel.id }],
          options: [{ title: "Size", values: ["One"] }],
          variants: [
            {
              title: "One",
              options: { Size: "One" },
              manage_inventory: false,
              prices: [{ currency_code: currencyCode, amount }],
            },
          ],
        },
        admin
      )
    ).data.product.variants[0].id as string

  const shirt = await product("Shirt", 19.99)
  const mug = await product("Mug", 7.5)

  const { api_key } = (
    await api.post("/admin/api-keys", { title: "Webshop", type: "publishable" }, admin)
  ).data
  await api.post(
    `/admin/api-keys/${api_key.id}/sales-channels`,
    { add: [sales_channel.id] },
    admin
  )

  return {
    regionId: region.id,
    countryCode,
    salesChannelId: sales_channel.id,
    shippingOptionId: shipping_option.id,
    publishableKey: api_key.token,
    variants: { shirt, mug },
    storeHeaders: (customerToken?: string) => ({
      headers: {
        "x-publishable-api-key": api_key.token,
        ...(customerToken ? { authorization: `Bearer ${customerToken}` } : {}),
      },
    }),
  }
}

export type CheckoutInput = {
  email: string
  items: { variant_id: string; quantity: number }[]
  customerToken?: string
  promoCodes?: string[]
  /** Applied with POST /store/carts/:id/affiliate, as a storefront would for ?ref=CODE. */
  referralCode?: string
  /** Anything else a shopper does to the cart (after the referral code), before checking out. */
  prepareCart?: (cartId: string, headers: { headers: Record<string, string> }) => Promise<unknown>
}

/** A whole storefront checkout over HTTP; returns the placed order. */
export async function checkout(api: Api, store: TestStore, input: CheckoutInput) {
  const headers = store.storeHeaders(input.customerToken)
  const { cart } = (
    await api.post(
      "/store/carts",
      {
        region_id: store.regionId,
        sales_channel_id: store.salesChannelId,
        email: input.email,
        items: input.items,
        promo_codes: input.promoCodes,
        shipping_address: {
          first_name: "Test",
          last_name: "Buyer",
          address_1: "Hauptstraße 1",
          city: "Berlin",
          postal_code: "10115",
          country_code: store.countryCode,
        },
      },
      headers
    )
  ).data
  if (input.referralCode) {
    await api.post(`/store/carts/${cart.id}/affiliate`, { code: input.referralCode }, headers)
  }
  await input.prepareCart?.(cart.id, headers)
  // The store has one option: listing the options first (as a storefront
  // does) would only cost each of the suites' hundreds of checkouts time.
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: store.shippingOptionId }, headers)
  const { payment_collection } = (
    await api.post("/store/payment-collections", { cart_id: cart.id }, headers)
  ).data
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const completed = (await api.post(`/store/carts/${cart.id}/complete`, {}, headers)).data
  if (completed.type !== "order") {
    throw new Error(`checkout did not place an order: ${JSON.stringify(completed)}`)
  }
  return completed.order as { id: string; email: string; total: number }
}

/** The order's (only) payment, for the admin's capture and refund routes. */
export async function paymentOf(api: Api, admin: AdminHeaders, orderId: string) {
  const { order } = (
    await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, admin)
  ).data
  return order.payment_collections[0].payments[0] as { id: string }
}
