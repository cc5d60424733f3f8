import axios, { type AxiosInstance } from "axios"
import fs from "fs"
import type { AdminHeaders } from "../helpers/admin"
import { type TestStore, checkout, setUpStore } from "../helpers/store"
import {
  type AdminSession,
  FIRST_PAGE_TIMEOUT,
  type RunningApp,
  STEP_TIMEOUT,
  describeBrowser,
  openAdmin,
  startApp,
} from "./harness"

jest.setTimeout(15 * 60_000)

describeBrowser("Affiliate payouts admin", () => {
  let app: RunningApp
  let admin: AdminSession
  let api: AxiosInstance
  let adminHeaders: AdminHeaders
  /** Set up by the first test, used by the next (one region per country in the shared database). */
  let store: TestStore

  // The database is shared with the other browser suites: our own market
  // (dollars, France) keeps this affiliate's money apart from theirs.
  const affiliate = {
    name: "Paula Payout",
    email: "paula.payout@example.com",
    code: "PAULA20",
    status: "approved",
    commission_rate: 20,
  }

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
  const waitForCommission = async (orderId: string): Promise<{ id: string; amount: number }> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { data } = await api.get(`/admin/affiliate-commissions?order_id=${orderId}`, adminHeaders)
      if (data.affiliate_commissions.length) {
        return data.affiliate_commissions[0]
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`no commission was written for order ${orderId}`)
  }

  /** Two mugs (2 × 7.50) bought through Paula's link: a $3.00 commission. */
  const referOrder = async (email: string) => {
    const order = await checkout(api, store, {
      email,
      items: [{ variant_id: store.variants.mug, quantity: 2 }],
      referralCode: affiliate.code,
    })
    return waitForCommission(order.id)
  }

  it("leaves out an affiliate without a payout method, pays her once the admin sets one, and asks before marking paid", async () => {
    const { page } = admin
    store = await setUpStore(api, adminHeaders, {
      label: "Payouts",
      countryCode: "fr",
      currencyCode: "usd",
    })
    const { data: created } = await api.post("/admin/affiliates", affiliate, adminHeaders)
    const affiliateId: string = created.affiliate.id

    // 20% of two mugs is $3.00, approved.
    const commission = await referOrder("mug.buyer@example.com")
    expect(commission.amount).toBe(3)
    await api.post(`/admin/affiliate-commissions/${commission.id}`, { status: "approved" }, adminHeaders)

    // The list shows what she can be paid.
    await page.goto(`${app.url}/app/affiliates`)
    const listRow = page.getByRole("row", { name: new RegExp(affiliate.code) })
    await listRow.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await listRow.getByTestId("affiliate-payable").getByText("$3.00").waitFor({ timeout: STEP_TIMEOUT })
    await admin.screenshot("payouts-1-affiliates-list")

    // The Payouts page, from the sidebar under Affiliates.
    await page.getByRole("link", { name: "Payouts", exact: true }).click({ timeout: STEP_TIMEOUT })
    await page
      .getByRole("heading", { name: "Affiliate payouts" })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(new URL(page.url()).pathname).toBe("/app/affiliates/payouts")

    // Paula has not said how to be paid: the preview warns and leaves her out.
    await page.getByRole("button", { name: "Create payout batch" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByTestId("payout-preview-no-method").waitFor({ timeout: STEP_TIMEOUT })
    const unpaidRow = dialog.getByRole("row", { name: new RegExp(affiliate.code) })
    expect(await unpaidRow.textContent()).toContain("No: no payout method")
    await admin.screenshot("payouts-2-preview-no-method")
    await page.keyboard.press("Escape")

    // The admin sets her PayPal address on her page.
    await page.goto(`${app.url}/app/affiliates/${affiliateId}`)
    const payoutsSection = page.getByTestId("affiliate-payouts-section")
    await payoutsSection.getByTestId("payout-method-missing").waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await payoutsSection.getByRole("button", { name: "Edit payout method" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.locator("#payout-method").click()
    await page.getByRole("option", { name: "PayPal" }).click()
    await drawer.getByLabel("PayPal email").fill("paula@paypal.example.com")
    await admin.screenshot("payouts-3-payout-method")
    await drawer.getByRole("button", { name: "Save" }).click()
    await page.getByText(`Payout method of ${affiliate.name} saved`).waitFor({ timeout: STEP_TIMEOUT })
    await payoutsSection.getByText("paula@paypal.example.com").waitFor({ timeout: STEP_TIMEOUT })
    await payoutsSection.getByText(`By ${app.adminEmail} on`, { exact: false }).waitFor({ timeout: STEP_TIMEOUT })

    // Now the preview pays her.
    await page.goto(`${app.url}/app/affiliates/payouts`)
    await page.getByRole("button", { name: "Create payout batch" }).click({ timeout: FIRST_PAGE_TIMEOUT })
    const usdTotal = dialog.getByTestId("payout-preview-total-usd")
    await usdTotal.waitFor({ timeout: STEP_TIMEOUT })
    expect(await usdTotal.textContent()).toMatch(/USD · 1 payout\$3\.00/)
    const previewRow = dialog.getByRole("row", { name: new RegExp(affiliate.code) })
    expect(await previewRow.textContent()).toContain("$3.00")
    expect(await previewRow.textContent()).toContain("Yes")
    await admin.screenshot("payouts-4-preview")

    await dialog.getByRole("button", { name: "Create batch" }).click()
    // The new batch opens, with Paula's draft payout.
    await page.getByTestId("payout-batch").waitFor({ timeout: STEP_TIMEOUT })
    const batchId = new URL(page.url()).pathname.split("/").pop() as string
    expect(batchId).toMatch(/^\w+_/)
    const payoutRow = page.getByRole("row", { name: new RegExp(affiliate.code) })
    await payoutRow.waitFor({ timeout: STEP_TIMEOUT })
    expect(await payoutRow.textContent()).toContain("$3.00")
    expect(await payoutRow.textContent()).toContain("paula@paypal.example.com")
    expect(await payoutRow.locator("[data-status]").getAttribute("data-status")).toBe("draft")
    await admin.screenshot("payouts-5-batch")

    // Export CSV: the browser downloads a file listing her payout.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: STEP_TIMEOUT }),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`${batchId}-payouts.csv`)
    const csv = fs.readFileSync((await download.path()) as string, "utf8")
    expect(csv).toContain(affiliate.email)
    expect(csv).toContain("3.00")

    // Mark it paid from the row's menu: it asks first, since it cannot be undone.
    await payoutRow.getByRole("button", { name: "Payout actions" }).click()
    await page.getByRole("menuitem", { name: "Mark paid" }).click({ timeout: STEP_TIMEOUT })
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Mark $3.00 to ${affiliate.name} paid?`).waitFor({ timeout: STEP_TIMEOUT })
    await admin.screenshot("payouts-6-confirm-paid")
    await prompt.getByRole("button", { name: "Mark paid" }).click()
    await payoutRow.locator('[data-status="paid"]').waitFor({ timeout: STEP_TIMEOUT })
    await page.getByText("Payout marked paid").waitFor({ timeout: STEP_TIMEOUT })
    // Nothing left to do with a paid payout: no menu.
    expect(await payoutRow.getByRole("button", { name: "Payout actions" }).count()).toBe(0)
    await admin.screenshot("payouts-7-paid")

    // Her page: nothing payable any more, $3.00 paid, and the payout listed.
    await payoutRow.getByRole("link", { name: new RegExp(affiliate.name) }).click()
    expect(new URL(page.url()).pathname).toBe(`/app/affiliates/${affiliateId}`)
    const section = page.getByTestId("affiliate-payouts-section")
    const balance = section.getByTestId("payout-balance-usd")
    await balance.waitFor({ timeout: STEP_TIMEOUT })
    await balance.scrollIntoViewIfNeeded()
    // The list's balances were cached before the payout: the page shows them
    // until its refetch answers, so wait for the new figures.
    await balance
      .locator('[data-balance="payable"]')
      .filter({ hasText: "$0.00" })
      .waitFor({ timeout: STEP_TIMEOUT })
    expect(await balance.locator('[data-balance="payable"]').textContent()).toBe("Payable$0.00")
    expect(await balance.locator('[data-balance="paid"]').textContent()).toBe("Paid$3.00")
    const paidRow = section.getByRole("row", { name: /\$3\.00/ })
    await paidRow.waitFor({ timeout: STEP_TIMEOUT })
    expect(await paidRow.locator("[data-status]").getAttribute("data-status")).toBe("paid")
    await admin.screenshot("payouts-8-affiliate-page")
  })

  it("saves a hold period and minimum payouts, shows when a held commission becomes available, and a balance under the minimum waits", async () => {
    const { page } = admin
    // Payable before the minimums are set: $3.00, under the $50.00 minimum.
    const payable = await referOrder("second.buyer@example.com")
    await api.post(`/admin/affiliate-commissions/${payable.id}`, { status: "approved" }, adminHeaders)

    try {
      await page.goto(`${app.url}/app/settings/affiliates`)
      await page
        .getByRole("heading", { name: "Affiliate settings" })
        .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
      const payoutSettings = page.getByTestId("payout-settings-section")
      expect(await payoutSettings.locator('[data-row="Hold period"]').textContent()).toContain("No hold")
      // The Payouts section is edited in its own drawer, as Medusa's settings are.
      await payoutSettings.getByRole("button", { name: "Edit" }).click()
      const drawer = page.getByRole("dialog")
      await drawer.getByLabel("Hold period (days)").fill("30")
      // Every currency in the shared database gets a minimum no balance reaches,
      // so the batch has nothing to pay whatever the other suites left payable.
      for (const [index, [currency, amount]] of [
        ["usd", "50"],
        ["eur", "1000000"],
      ].entries()) {
        await drawer.getByRole("button", { name: "Add minimum" }).click()
        await drawer.getByLabel("Currency code").nth(index).fill(currency)
        await drawer.getByLabel("Minimum amount").nth(index).fill(amount)
      }
      await admin.screenshot("payouts-9-settings-drawer")
      await drawer.getByRole("button", { name: "Save", exact: true }).click()
      await page.getByText("Settings saved").waitFor({ timeout: STEP_TIMEOUT })
      await payoutSettings.locator('[data-row="Hold period"]').getByText("30 days").waitFor({ timeout: STEP_TIMEOUT })
      expect(await payoutSettings.locator('[data-row="Minimum payouts"]').textContent()).toContain("$50.00")
      await admin.screenshot("payouts-9-settings")
      const { data: saved } = await api.get("/admin/affiliate-settings", adminHeaders)
      expect(saved.affiliate_settings).toMatchObject({
        hold_days: 30,
        minimum_payouts: { usd: 50, eur: 1000000 },
      })

      // A commission credited now is held for 30 days: the ledger says until when.
      const held = await referOrder("held.buyer@example.com")
      const { data: stored } = await api.get(`/admin/affiliate-commissions/${held.id}`, adminHeaders)
      expect(stored.affiliate_commission.status).toBe("pending")
      const availableOn = new Date(stored.affiliate_commission.available_at).toLocaleDateString(
        "en-US",
        { year: "numeric", month: "short", day: "numeric" }
      )
      await page.goto(`${app.url}/app/affiliates/commissions`)
      const heldRow = page.getByRole("row", { name: /held\.buyer@example\.com/ })
      await heldRow.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
      expect(await heldRow.getByTestId("available-at").textContent()).toBe(
        `Available on ${availableOn}`
      )
      // Only rejecting is possible before the hold ends.
      await heldRow.getByRole("button", { name: "Commission actions" }).click()
      await page.getByRole("menuitem", { name: "Reject" }).waitFor({ timeout: STEP_TIMEOUT })
      expect(await page.getByRole("menuitem").allTextContents()).toEqual(["Reject"])
      await admin.screenshot("payouts-10-held-commission")
      await page.keyboard.press("Escape")

      // The preview marks Paula's $3.00 as waiting; creating says there is nothing to pay.
      await page.goto(`${app.url}/app/affiliates/payouts`)
      await page
        .getByRole("heading", { name: "Affiliate payouts" })
        .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
      await page.getByRole("button", { name: "Create payout batch" }).click()
      const dialog = page.getByRole("dialog")
      const waitingRow = dialog.getByRole("row", { name: new RegExp(affiliate.code) })
      await waitingRow.waitFor({ timeout: STEP_TIMEOUT })
      expect(await waitingRow.textContent()).toContain(
        "Waits for the next batch (minimum $50.00)"
      )
      expect(await dialog.getByTestId("payout-preview-totals").textContent()).toBe(
        "Nothing is payable right now."
      )
      await dialog.getByRole("button", { name: "Create batch" }).click()
      await dialog.getByTestId("nothing-to-pay").waitFor({ timeout: STEP_TIMEOUT })
      expect(await dialog.getByRole("button", { name: "Create batch" }).isDisabled()).toBe(true)
      await admin.screenshot("payouts-11-nothing-to-pay")
    } finally {
      // The other browser suites share these settings.
      await api.post(
        "/admin/affiliate-settings",
        { hold_days: 0, minimum_payouts: null },
        adminHeaders
      )
    }
  })
})
