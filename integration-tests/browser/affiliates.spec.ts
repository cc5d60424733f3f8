import axios from "axios"
import { checkout, setUpStore } from "../helpers/store"
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

describeBrowser("Affiliates admin", () => {
  let app: RunningApp
  let admin: AdminSession
  const screenshots: string[] = []

  // The app and database are shared with the other browser suites: unique data.
  const affiliate = {
    name: "Browser Test Partner",
    email: "browser-affiliate@example.com",
    code: "BROWSER1",
  }

  const shot = async (name: string) => {
    screenshots.push(await admin.screenshot(name))
  }

  beforeAll(async () => {
    app = await startApp()
    admin = await openAdmin(app)
  }, 10 * 60_000)

  afterAll(async () => {
    await admin?.close()
    await app?.stop()
  })

  it("creates an affiliate from the list, then approves it on its page", async () => {
    const { page } = admin

    // The Affiliates page, from the sidebar.
    await page
      .getByRole("link", { name: "Affiliates", exact: true })
      .click({ timeout: FIRST_PAGE_TIMEOUT })
    await page
      .getByRole("heading", { name: "Affiliates", exact: true })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(new URL(page.url()).pathname).toBe("/app/affiliates")
    await shot("affiliates-1-list")

    // Create, in the modal.
    await page.getByRole("button", { name: "Create", exact: true }).click()
    const dialog = page.getByRole("dialog")
    await dialog
      .getByRole("heading", { name: "Create affiliate" })
      .waitFor({ timeout: STEP_TIMEOUT })
    await dialog.getByLabel("Name").fill(affiliate.name)
    await dialog.getByLabel("Email").fill(affiliate.email)
    await dialog.getByLabel("Code").fill(affiliate.code)
    expect(await dialog.getByRole("combobox", { name: "Status" }).textContent()).toBe(
      "Pending"
    )
    await shot("affiliates-2-create-modal")

    await dialog.getByRole("button", { name: "Create", exact: true }).click()
    await dialog.waitFor({ state: "hidden", timeout: STEP_TIMEOUT })

    // The new row, pending.
    const row = page.getByRole("row", { name: new RegExp(affiliate.email) })
    await row.waitFor({ timeout: STEP_TIMEOUT })
    const rowText = await row.textContent()
    expect(rowText).toContain(affiliate.name)
    expect(rowText).toContain(affiliate.code)
    expect(await row.locator("[data-status]").getAttribute("data-status")).toBe(
      "pending"
    )
    expect(rowText).toContain("Pending")
    await shot("affiliates-3-created")

    // Its page, then Approve.
    await row.click()
    await page.waitForURL(/\/app\/affiliates\/aff_/, { timeout: STEP_TIMEOUT })
    const id = new URL(page.url()).pathname.split("/").pop() as string
    await page
      .getByRole("heading", { name: affiliate.name })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await page.getByRole("heading", { name: "Customers" }).waitFor({ timeout: STEP_TIMEOUT })
    await shot("affiliates-4-detail-pending")

    await page.getByRole("button", { name: "Approve", exact: true }).click()
    await page
      .locator('[data-status="approved"]')
      .waitFor({ timeout: STEP_TIMEOUT })
    expect(await page.locator('[data-status="approved"]').textContent()).toBe(
      "Approved"
    )
    // Approved: the Approve action gives way to Block.
    await page
      .getByRole("button", { name: "Approve", exact: true })
      .waitFor({ state: "detached", timeout: STEP_TIMEOUT })
    await page.getByRole("button", { name: "Block", exact: true }).waitFor()
    await shot("affiliates-5-approved")

    // The server agrees.
    const stored = await page.request.get(`${app.url}/admin/affiliates/${id}`)
    expect(stored.status()).toBe(200)
    const { affiliate: saved } = (await stored.json()) as {
      affiliate: { email: string; code: string; status: string }
    }
    expect(saved).toEqual(
      expect.objectContaining({
        email: affiliate.email,
        code: affiliate.code,
        status: "approved",
      })
    )

    expect(screenshots).toHaveLength(5)
  })

  it("shows the referral link to copy, and sends a login invite from the affiliate's page", async () => {
    const { page } = admin
    const created = await page.request.post(`${app.url}/admin/affiliates`, {
      data: { name: "Invited Partner", email: "invited.partner@example.com", code: "INVITED1" },
    })
    expect(created.status()).toBe(200)
    const { affiliate: invited } = (await created.json()) as { affiliate: { id: string } }
    const inviteSentAt = async () => {
      const response = await page.request.get(`${app.url}/admin/affiliates/${invited.id}`)
      return ((await response.json()) as { affiliate: { login_invite_sent_at: string | null } }).affiliate
        .login_invite_sent_at
    }
    // The invite is sent by a subscriber of affiliate.created, just after the answer.
    let firstInvite = await inviteSentAt()
    for (let attempt = 0; attempt < 100 && !firstInvite; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      firstInvite = await inviteSentAt()
    }
    expect(firstInvite).not.toBeNull()

    await page.goto(`${app.url}/app/affiliates/${invited.id}`)
    await page.getByRole("heading", { name: "Invited Partner" }).waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    // Created by an admin: no login yet, and the invite went out on creation.
    await page.getByText(/No login yet: invite sent/).waitFor({ timeout: STEP_TIMEOUT })
    await page.getByText("http://localhost:8000/?ref=INVITED1").waitFor({ timeout: STEP_TIMEOUT })
    await page.getByRole("button", { name: "Copy referral link" }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("http://localhost:8000/?ref=INVITED1")
    await shot("affiliates-6-referral-link-and-login")

    // A new invite from the actions menu, confirmed by a toast.
    await page.getByRole("button", { name: "Affiliate actions" }).click()
    await page.getByRole("menuitem", { name: "Send login invite" }).click()
    await page.getByText("Login invite sent to invited.partner@example.com").waitFor({ timeout: STEP_TIMEOUT })
    await shot("affiliates-7-login-invite-sent")

    // The server sent a new one.
    expect(new Date((await inviteSentAt())!).getTime()).toBeGreaterThan(new Date(firstInvite!).getTime())

    // The invited partner sets up a login with the emailed token and reaches their dashboard…
    type SentEmail = { to: string; template: string; created_at: string; data: { token: string } }
    const sent = (await (await page.request.get(`${app.url}/admin/notifications?channel=email&limit=100`)).json()) as {
      notifications: SentEmail[]
    }
    const [invite] = sent.notifications
      .filter((email) => email.to === "invited.partner@example.com" && email.template === "affiliate-login-invite")
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
    const key = await page.request.post(`${app.url}/admin/api-keys`, {
      data: { title: "Invite claim", type: "publishable" },
    })
    const { api_key } = (await key.json()) as { api_key: { token: string } }
    const partner = axios.create({ baseURL: app.url })
    const credentials = { email: "invited.partner@example.com", password: "partner-pass-1" }
    const registered = (await partner.post("/auth/affiliate/emailpass/register", credentials)).data.token as string
    const storeHeaders = (token: string) => ({
      headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": api_key.token },
    })
    await partner.post("/store/affiliates/claim", { token: invite.data.token }, storeHeaders(registered))
    const signedIn = (await partner.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${registered}` } }))
      .data.token as string
    const { affiliate: me } = (await partner.get("/store/affiliates/me", storeHeaders(signedIn))).data
    expect(me).toEqual(expect.objectContaining({ id: invited.id, code: "INVITED1" }))

    // …and the admin sees that they can log in.
    await page.reload()
    await page.locator('[data-row="Login"]', { hasText: "Can log in" }).waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await shot("affiliates-7b-login-claimed")
  })

  it("updates the customer counts as soon as a customer is connected, on the page and in the list", async () => {
    const { page } = admin
    const created = await page.request.post(`${app.url}/admin/affiliates`, {
      data: { name: "Count Keeper", email: "count.keeper@example.com", code: "COUNTK", status: "approved" },
    })
    expect(created.status()).toBe(200)
    const { affiliate: keeper } = (await created.json()) as { affiliate: { id: string } }

    // Into the list first, so its page of affiliates is in the admin's cache.
    await page.goto(`${app.url}/app/affiliates`)
    const listRow = page.getByRole("row", { name: /count\.keeper@example\.com/ })
    await listRow.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    // Columns: name, email, code, status, rate, customers, earnings, created.
    const customersCell = listRow.getByRole("cell").nth(5)
    expect(await customersCell.textContent()).toBe("0")
    // No rate of its own, in the default program: the store's default, by its value.
    expect(await listRow.getByRole("cell").nth(4).textContent()).toMatch(
      /^\d+(\.\d+)?% \(store default\)$/
    )

    await listRow.click()
    await page.waitForURL(new RegExp(`/app/affiliates/${keeper.id}$`), { timeout: STEP_TIMEOUT })
    const count = page.locator('[data-row="Connected customers"]')
    await count.waitFor({ timeout: STEP_TIMEOUT })
    expect(await count.textContent()).toContain("0")

    await page.getByRole("button", { name: "Connect customer" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByTestId("affiliates-selected").waitFor({ timeout: STEP_TIMEOUT })
    await dialog.getByRole("radio", { name: /New customer/ }).click()
    await dialog.getByLabel("Email").fill("counted.customer@example.com")
    await dialog.getByRole("button", { name: "Connect" }).click()
    await dialog.waitFor({ state: "hidden", timeout: STEP_TIMEOUT })

    // No reload: the page's count and the list's follow the connection.
    await page
      .locator('[data-row="Connected customers"]', { hasText: "1" })
      .waitFor({ timeout: STEP_TIMEOUT })
    await shot("affiliates-6-count-after-connect")
    await page.getByRole("link", { name: "Affiliates", exact: true }).first().click()
    await page.waitForURL(/\/app\/affiliates$/, { timeout: STEP_TIMEOUT })
    await page
      .getByRole("row", { name: /count\.keeper@example\.com/ })
      .getByRole("cell")
      .nth(5)
      .filter({ hasText: /^1$/ })
      .waitFor({ timeout: STEP_TIMEOUT })
    await shot("affiliates-7-list-count")
  })

  it("assigns a coupon picked from Medusa's promotions, in any letter case, and unassigns it", async () => {
    const { page } = admin
    const created = await page.request.post(`${app.url}/admin/affiliates`, {
      data: { name: "Lena Coupons", email: "lena.coupons@example.com", code: "LENA", status: "approved" },
    })
    const { affiliate: lena } = (await created.json()) as { affiliate: { id: string } }
    const promotion = await page.request.post(`${app.url}/admin/promotions`, {
      data: {
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
    })
    expect(promotion.status()).toBe(200)

    await page.goto(`${app.url}/app/affiliates/${lena.id}`)
    const section = page.getByTestId("affiliate-coupons-section")
    await section.getByText("No coupons assigned.").waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await section.getByRole("button", { name: "Assign coupon" }).click()
    await pickSearchResult(section, "Promotions", "lena10", /LENA10/)
    const coupon = section.getByTestId("affiliate-coupon")
    await coupon.waitFor({ timeout: STEP_TIMEOUT })
    expect(await coupon.textContent()).toContain("LENA10")
    await shot("affiliates-8-coupon-assigned")

    await section.getByRole("button", { name: "Remove coupon LENA10" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click()
    await section.getByText("No coupons assigned.").waitFor({ timeout: STEP_TIMEOUT })
    expect(await section.getByTestId("affiliate-coupon").count()).toBe(0)
    await shot("affiliates-9-coupon-removed")

    const stored = await page.request.get(`${app.url}/admin/affiliates/${lena.id}/promotions`)
    expect(((await stored.json()) as { affiliate_promotions: unknown[] }).affiliate_promotions).toEqual([])
  })

  it("creates an affiliate's coupon in one click, and an order that uses it credits them", async () => {
    const { page } = admin
    const api = axios.create({ baseURL: app.url })
    const login = await api.post("/auth/user/emailpass", { email: app.adminEmail, password: app.adminPassword })
    const adminHeaders = { headers: { authorization: `Bearer ${login.data.token}` } }
    // Our own market in the shared database (one region per country).
    const store = await setUpStore(api, adminHeaders, { label: "Coupons", countryCode: "es", currencyCode: "eur" })
    const { affiliate: cleo } = (
      await api.post(
        "/admin/affiliates",
        { name: "Cleo Coupons", email: "cleo.coupons@example.com", code: "CLEO", status: "approved" },
        adminHeaders
      )
    ).data

    await page.goto(`${app.url}/app/affiliates/${cleo.id}`)
    const section = page.getByTestId("affiliate-coupons-section")
    await section.getByText("No coupons assigned.").waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await section.getByRole("button", { name: "Create coupon" }).click()
    await page.getByText("Coupon CLEO created: 10% off the order").waitFor({ timeout: STEP_TIMEOUT })
    await section.getByTestId("affiliate-coupon").filter({ hasText: "CLEO" }).waitFor({ timeout: STEP_TIMEOUT })
    // One coupon per code: the button is gone.
    expect(await section.getByRole("button", { name: "Create coupon" }).count()).toBe(0)
    await shot("affiliates-10-coupon-created")

    // A shopper uses CLEO: 10 % off, and the order credits Cleo by coupon.
    const order = await checkout(api, store, {
      email: "cleo.fan@example.com",
      items: [{ variant_id: store.variants.shirt, quantity: 1 }],
      promoCodes: ["CLEO"],
    })
    let commissions: { affiliate_id: string; attribution: string }[] = []
    for (let attempt = 0; attempt < 100 && !commissions.length; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      commissions = (await api.get(`/admin/affiliate-commissions?order_id=${order.id}`, adminHeaders)).data
        .affiliate_commissions
    }
    expect(commissions).toEqual([expect.objectContaining({ affiliate_id: cleo.id, attribution: "coupon" })])
  })
})
