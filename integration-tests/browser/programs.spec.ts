import axios, { type AxiosInstance } from "axios"
import type { AdminHeaders } from "../helpers/admin"
import { type TestStore, checkout, setUpStore } from "../helpers/store"
import {
  type AdminSession,
  FIRST_PAGE_TIMEOUT,
  type RunningApp,
  STEP_TIMEOUT,
  describeBrowser,
  openAdmin,
  pickSearchResult,
  startApp,
} from "./harness"

jest.setTimeout(15 * 60_000)

type CommissionLine = {
  item_id: string | null
  title: string
  quantity: number
  base: number
  rule_id: string | null
  kind: string
  rate: number | null
  amount: number
}

type Commission = {
  id: string
  amount: number
  base_amount: number
  program_id: string | null
  lines: CommissionLine[] | null
}

describeBrowser("Affiliate programs admin", () => {
  let app: RunningApp
  let admin: AdminSession
  let api: AxiosInstance
  let adminHeaders: AdminHeaders
  let store: TestStore
  /** Made by the first test, used by the next. */
  let affiliateId: string
  let orderId: string

  // The database is shared with the other browser suites: our own market
  // (Italy, euros), product names and affiliate.
  const affiliate = {
    name: "Sunny Partner",
    email: "sunny.partner@example.com",
    code: "SUNNY",
    status: "approved",
  }
  const programName = "Summer partners"
  const collectionTitle = "Programs Summer"

  beforeAll(async () => {
    app = await startApp()
    api = axios.create({ baseURL: app.url })
    const login = await api.post("/auth/user/emailpass", {
      email: app.adminEmail,
      password: app.adminPassword,
    })
    adminHeaders = { headers: { authorization: `Bearer ${login.data.token}` } }
    admin = await openAdmin(app)
  }, 10 * 60_000)

  afterAll(async () => {
    await admin?.close()
    await app?.stop()
  })

  /** The order.placed subscriber runs after the checkout answers: wait for its row. */
  const waitForCommission = async (orderId: string): Promise<Commission> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { data } = await api.get(
        `/admin/affiliate-commissions?order_id=${orderId}`,
        adminHeaders
      )
      if (data.affiliate_commissions.length) {
        return data.affiliate_commissions[0]
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`no commission was written for order ${orderId}`)
  }

  it("creates a program with a collection rule, moves an affiliate into it, and the commission's lines show the rule", async () => {
    const { page } = admin
    store = await setUpStore(api, adminHeaders, {
      label: "Programs",
      countryCode: "it",
      currencyCode: "eur",
    })
    // The shirt is in the summer collection; the mug is not.
    const { data: products } = await api.get(
      `/admin/products?q=${encodeURIComponent("Programs Shirt")}&fields=id,title`,
      adminHeaders
    )
    const shirt = products.products.find(
      (product: { title: string }) => product.title === "Programs Shirt"
    )
    const { data: created } = await api.post(
      "/admin/collections",
      { title: collectionTitle },
      adminHeaders
    )
    await api.post(
      `/admin/collections/${created.collection.id}/products`,
      { add: [shirt.id] },
      adminHeaders
    )
    const { data: affiliateData } = await api.post("/admin/affiliates", affiliate, adminHeaders)
    affiliateId = affiliateData.affiliate.id

    // The Programs page, from the sidebar under Affiliates.
    await page.goto(`${app.url}/app/affiliates`)
    await page
      .getByRole("link", { name: "Programs", exact: true })
      .click({ timeout: FIRST_PAGE_TIMEOUT })
    await page
      .getByRole("heading", { name: "Affiliate programs" })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(new URL(page.url()).pathname).toBe("/app/affiliates/programs")
    // The default program is listed, with the store's default rate.
    const defaultRow = page.getByRole("row", { name: /Default/ }).first()
    await defaultRow.waitFor({ timeout: STEP_TIMEOUT })

    // Create: a 5% program whose connections last 90 days.
    await page.getByRole("button", { name: "Create program" }).click()
    const modal = page.getByRole("dialog")
    await modal.getByLabel("Name", { exact: true }).fill(programName)
    await modal.getByLabel("Commission rate (%)").fill("5")
    await modal.getByRole("combobox", { name: "Connection lasts" }).click()
    await page.getByRole("option", { name: "A number of days" }).click()
    await modal.getByLabel("Days", { exact: true }).fill("90")
    await admin.screenshot("programs-1-create")
    await modal.getByRole("button", { name: "Create", exact: true }).click()

    // Its page opens: terms, then the rules.
    await page.waitForURL(/\/app\/affiliates\/programs\/affprog_/, { timeout: STEP_TIMEOUT })
    const programId = new URL(page.url()).pathname.split("/").pop() as string
    const terms = page.getByTestId("program-terms-section")
    await terms.getByRole("heading", { name: programName }).waitFor({ timeout: STEP_TIMEOUT })
    expect(await terms.locator('[data-row="Commission"]').textContent()).toBe("Commission5%")
    expect(await terms.locator('[data-row="Connections last"]').textContent()).toBe(
      "Connections last90 days"
    )

    // Add rule: 15% on the summer collection, picked from the store's collections.
    await page.getByRole("button", { name: "Add rule" }).click()
    const drawer = page.getByRole("dialog")
    expect(await drawer.getByRole("combobox", { name: "Applies to" }).textContent()).toBe(
      "Collection"
    )
    await pickSearchResult(drawer, "Collections", collectionTitle, new RegExp(collectionTitle))
    await drawer.getByLabel("Rate (%)").fill("15")
    await admin.screenshot("programs-2-add-rule")
    await drawer.getByRole("button", { name: "Add rule" }).click()
    const ruleRow = page
      .getByTestId("program-rules-section")
      .getByRole("row", { name: new RegExp(collectionTitle) })
    await ruleRow.waitFor({ timeout: STEP_TIMEOUT })
    expect(await ruleRow.getByTestId("rule-value").textContent()).toBe("15%")
    await admin.screenshot("programs-3-program-page")

    // Move the affiliate into the program from their page.
    await page.goto(`${app.url}/app/affiliates/${affiliateId}`)
    const programSelect = page.getByRole("combobox", { name: "Change program" })
    await programSelect.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await programSelect.click()
    await page.getByRole("option", { name: programName }).click({ timeout: STEP_TIMEOUT })
    await page
      .getByText(`${affiliate.name} moved to another program`)
      .waitFor({ timeout: STEP_TIMEOUT })
    // The page reloads the affiliate: the select and the rate row name the new program.
    await programSelect.filter({ hasText: programName }).waitFor({ timeout: STEP_TIMEOUT })
    await page
      .locator('[data-row="Commission rate"]', { hasText: `5% (program ${programName})` })
      .waitFor({ timeout: STEP_TIMEOUT })
    await admin.screenshot("programs-4-affiliate-program")
    const { data: moved } = await api.get(`/admin/affiliates/${affiliateId}`, adminHeaders)
    expect(moved.affiliate.program).toMatchObject({ id: programId, name: programName })

    // The Affiliates list says the same: the program's rate, named, not the store's default.
    await page.goto(`${app.url}/app/affiliates?q=${encodeURIComponent(affiliate.code)}`)
    await page
      .getByRole("row", { name: new RegExp(affiliate.code) })
      .getByRole("cell", { name: `5% (program ${programName})` })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })

    // Two shirts (2 × 19.99, in the collection) and a mug (7.50) through her link:
    // 15% of 39.98 = 5.997 and 5% of 7.50 = 0.375, exactly 6.372: €6.37,
    // parts rounded to add up to it (€6.00 and €0.37).
    const order = await checkout(api, store, {
      email: "summer.buyer@example.com",
      items: [
        { variant_id: store.variants.shirt, quantity: 2 },
        { variant_id: store.variants.mug, quantity: 1 },
      ],
      referralCode: affiliate.code,
    })
    orderId = order.id
    const commission = await waitForCommission(order.id)
    expect(commission).toMatchObject({ amount: 6.37, base_amount: 47.48, program_id: programId })
    const { data: saved } = await api.get(`/admin/affiliate-programs/${programId}`, adminHeaders)
    expect(saved.program.rules).toEqual([
      expect.objectContaining({ target: "collection", target_id: created.collection.id, kind: "percentage", rate: 15 }),
    ])
    // One line a line item, in no particular order.
    expect(commission.lines).toHaveLength(2)
    expect(commission.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: "Programs Shirt",
          quantity: 2,
          base: 39.98,
          rule_id: saved.program.rules[0].id,
          kind: "percentage",
          rate: 15,
          amount: 6,
        }),
        expect.objectContaining({
          title: "Programs Mug",
          quantity: 1,
          base: 7.5,
          rule_id: null,
          kind: "default",
          rate: 5,
          rate_source: "program",
          amount: 0.37,
        }),
      ])
    )

    // The ledger's drawer shows each line and how it earned.
    await page.goto(`${app.url}/app/affiliates/commissions`)
    const row = page.getByRole("row", { name: /summer\.buyer@example\.com/ })
    await row.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await row.getByText("Referral link").click()
    const details = page.getByTestId("commission-drawer")
    await details.getByTestId("commission-lines").waitFor({ timeout: STEP_TIMEOUT })
    const shirtLine = details.getByTestId("commission-line").filter({ hasText: "Programs Shirt" })
    // The rule's target is named once the program's rules have loaded.
    const ruleText = `Rule: collection ${collectionTitle} → 15%`
    await shirtLine.getByText(ruleText).waitFor({ timeout: STEP_TIMEOUT })
    expect(await shirtLine.getByTestId("commission-line-rule").textContent()).toBe(ruleText)
    expect(await shirtLine.getByTestId("commission-line-amount").textContent()).toBe("€6.00")
    expect(await shirtLine.textContent()).toContain("Programs Shirt × 2")
    expect(await shirtLine.textContent()).toContain("Base €39.98")
    const mugLine = details.getByTestId("commission-line").filter({ hasText: "Programs Mug" })
    expect(await mugLine.getByTestId("commission-line-rule").textContent()).toBe("5% (program rate)")
    expect(await mugLine.getByTestId("commission-line-amount").textContent()).toBe("€0.37")
    expect(await details.getByTestId("commission-amount").textContent()).toBe("€6.37 on €47.48")
    await details.getByRole("link", { name: programName }).waitFor({ timeout: STEP_TIMEOUT })
    await admin.screenshot("programs-5-commission-lines")
    await page.keyboard.press("Escape")

    // Medusa's order page shows the same lines.
    await page.goto(`${app.url}/app/orders/${order.id}`)
    const widget = page.getByTestId("order-affiliate-widget")
    await widget.getByTestId("commission-lines").waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await widget.scrollIntoViewIfNeeded()
    const widgetShirt = widget.getByTestId("commission-line").filter({ hasText: "Programs Shirt" })
    await widgetShirt.getByText(ruleText).waitFor({ timeout: STEP_TIMEOUT })
    expect(await widgetShirt.getByTestId("commission-line-amount").textContent()).toBe("€6.00")
    await admin.screenshot("programs-6-order-widget")
  })

  it("shows when a connection expires, and reassigns a commission to another affiliate with the reason, refusing to move it back", async () => {
    const { page } = admin
    const other = {
      name: "Rightful Referrer",
      email: "rightful.referrer@example.com",
      code: "RIGHTFUL",
      status: "approved",
    }
    await api.post("/admin/affiliates", other, adminHeaders)

    // A connection under the 90-day program: the affiliate's customers say until when.
    const { data: connected } = await api.post(
      "/admin/affiliate-connections",
      { affiliate_id: affiliateId, customer: { email: "lasting.customer@example.com" } },
      adminHeaders
    )
    const { data: listed } = await api.get(
      `/admin/affiliate-connections?customer_id=${connected.affiliate_connection.customer_id}`,
      adminHeaders
    )
    const expiresAt: string = listed.affiliate_connections[0].expires_at
    const days = (Date.parse(expiresAt) - Date.parse(listed.affiliate_connections[0].created_at)) / 86_400_000
    expect(days).toBeCloseTo(90, 5)
    await page.goto(`${app.url}/app/affiliates/${affiliateId}`)
    const customerRow = page.getByRole("row", { name: /lasting\.customer@example\.com/ })
    await customerRow.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(await customerRow.getByTestId("connection-expires").textContent()).toBe(
      new Date(expiresAt).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" })
    )
    await admin.screenshot("programs-7-connection-expires")

    // Reassign the order's commission from its drawer.
    await page.goto(`${app.url}/app/affiliates/commissions`)
    const row = page.getByRole("row", { name: /summer\.buyer@example\.com/ })
    await row.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await row.getByText("Referral link").click()
    const details = page.getByTestId("commission-drawer")
    await details.getByRole("button", { name: "Reassign" }).click({ timeout: STEP_TIMEOUT })
    const reassign = page.getByRole("dialog").filter({ hasText: "Reassign commission" })
    await pickSearchResult(reassign, "Affiliates", "Rightful", /Rightful Referrer/)
    await reassign.getByLabel("Reason").fill("The buyer came from Rightful's video")
    await admin.screenshot("programs-8-reassign")
    await reassign.getByRole("button", { name: "Reassign" }).click()
    await page.getByText("Commission reassigned").waitFor({ timeout: STEP_TIMEOUT })

    // The old commission is rejected and points to the new one, with why and by whom.
    await details.locator('[data-status="rejected"]').waitFor({ timeout: STEP_TIMEOUT })
    const movedTo = details.getByTestId("commission-reassigned-to")
    await movedTo.getByText("by admin@example.com").waitFor({ timeout: STEP_TIMEOUT })
    expect(await movedTo.textContent()).toContain("Rightful Referrer (RIGHTFUL)")
    expect(await movedTo.textContent()).toContain("The buyer came from Rightful's video")
    expect(await details.textContent()).toContain("Reassigned to another affiliate")
    await admin.screenshot("programs-9-reassigned")

    // The new one, opened from there, comes from Sunny; moving it back is refused by the server.
    await movedTo.getByRole("button", { name: "View commission" }).click()
    const movedFrom = details.getByTestId("commission-reassigned-from")
    await movedFrom.getByText(`${affiliate.name} (${affiliate.code})`).waitFor({ timeout: STEP_TIMEOUT })
    await details.getByText("€6.00").first().waitFor({ timeout: STEP_TIMEOUT })
    await details.getByRole("button", { name: "Reassign" }).click()
    const back = page.getByRole("dialog").filter({ hasText: "Reassign commission" })
    await pickSearchResult(back, "Affiliates", "Sunny", /Sunny Partner/)
    await back.getByLabel("Reason").fill("Back again")
    await back.getByRole("button", { name: "Reassign" }).click()
    const refusal = back.getByTestId("reassign-error")
    await refusal.waitFor({ timeout: STEP_TIMEOUT })
    expect(await refusal.textContent()).toBe("Sunny Partner already has a rejected commission on this order")
    await admin.screenshot("programs-10-reassign-refused")

    const { data: after } = await api.get(`/admin/affiliate-commissions?order_id=${orderId}`, adminHeaders)
    expect(
      after.affiliate_commissions.map((row: { affiliate: { code: string }; status: string }) => [
        row.affiliate.code,
        row.status,
      ])
    ).toEqual(expect.arrayContaining([["SUNNY", "rejected"], ["RIGHTFUL", "pending"]]))
    expect(after.affiliate_commissions).toHaveLength(2)
  })
})
