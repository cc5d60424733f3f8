import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomersWorkflow,
  createPromotionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import {
  assignAffiliatePromotionsWorkflow,
  createAffiliateConnectionWorkflow,
  createAffiliatesWorkflow,
  creditOrder,
} from "../workflows"
import { DEMO_SALES_CHANNEL, type DemoOrder, type DemoStore, placeOrder, seedStore } from "./demo-store"

export { DEMO_SALES_CHANNEL }

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
 * A second program, so the admin shows rules at work: Lena earns 12 %, 20 %
 * on the Summer collection (the cap), nothing on mugs.
 */
async function seedCreatorsProgram(container: MedusaContainer, store: DemoStore, affiliateId: string) {
  const products = container.resolve(Modules.PRODUCT)
  const variants = await products.listProductVariants(
    { id: [store.variants.cap, store.variants.mug] },
    { select: ["id", "product_id"] }
  )
  const productOf = (variantId: string) => variants.find((v) => v.id === variantId)!.product_id!
  const [summer] = await products.createProductCollections([{ title: "Summer", handle: "summer" }])
  await products.updateProducts(productOf(store.variants.cap), { collection_id: summer.id })

  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const program = await service.createAffiliatePrograms({ name: "Creators", commission_rate: 12 })
  await service.createAffiliateCommissionRules([
    { program_id: program.id, target: "collection", target_id: summer.id, kind: "percentage", rate: 20 },
    { program_id: program.id, target: "product", target_id: productOf(store.variants.mug), kind: "excluded" },
  ])
  await service.updateAffiliates({ id: affiliateId, program_id: program.id })
}

/**
 * `npx medusa exec ./src/scripts/seed-demo.ts`: the demo store with the
 * plugin's data — affiliates in each status, customers connected by an admin,
 * orders placed through Medusa's cart completion (by connected customers,
 * through referral links and with an affiliate's coupon) and the commissions
 * they earned. Runs once: when
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

  // Lena's coupon: a Medusa promotion assigned to her, so the admin shows a
  // coupon and a commission attributed by coupon.
  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: "LENA10",
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: {
            type: "percentage",
            target_type: "order",
            allocation: "across",
            value: 10,
            currency_code: "eur",
          },
        },
      ],
    },
  })
  await assignAffiliatePromotionsWorkflow(container).run({
    input: { affiliate_id: affiliateId("LENA"), codes: ["LENA10"] },
  })

  await seedCreatorsProgram(container, store, affiliateId("LENA"))

  logger.info("Demo data: orders…")
  const { shirt, mug, cap } = store.variants
  const orders: (DemoOrder & { label: string })[] = [
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
      label: "guest referred by Lena's link (becomes her referred customer; her Creators program: 12 %)",
      email: "tom@example.com",
      items: [{ variant_id: shirt, quantity: 1 }],
      referralCode: "LENA",
    },
    {
      label: "guest using Lena's coupon LENA10 (10 % off; attributed by coupon; caps are Summer: 20 %)",
      email: "uma@example.com",
      items: [{ variant_id: cap, quantity: 2 }],
      promoCodes: ["LENA10"],
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
    await creditOrder(container, orderId)
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
