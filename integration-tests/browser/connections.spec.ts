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

describeBrowser("Affiliate connections admin", () => {
  let app: RunningApp
  let admin: AdminSession
  const screenshots: string[] = []

  const affiliate = {
    name: "Ada Lovelace Media",
    email: "ada@example.com",
    code: "ADA10",
    status: "approved",
  }
  const customer = {
    first_name: "Grace",
    last_name: "Hopper",
    email: "grace.hopper@example.com",
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

  it("connects a new customer to an affiliate and shows it on the customer's page", async () => {
    const { page } = admin

    const created = await page.request.post(`${app.url}/admin/affiliates`, {
      data: affiliate,
    })
    expect(created.status()).toBe(200)
    const { affiliate: stored } = (await created.json()) as {
      affiliate: { id: string; status: string }
    }
    expect(stored.status).toBe("approved")

    // The Connections page, nested under Affiliates in the sidebar.
    await page.goto(`${app.url}/app/affiliates/connections`)
    await page
      .getByRole("heading", { name: "Affiliate connections" })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    // The browser suites share one store, so other suites' connections may be listed.
    await page.getByRole("button", { name: "New connection" }).waitFor({ timeout: STEP_TIMEOUT })
    const sidebar = page.locator("nav")
    expect(await sidebar.getByRole("link", { name: "Connections", exact: true }).count()).toBe(1)
    expect(await sidebar.getByRole("link", { name: "Commissions", exact: true }).count()).toBe(1)
    // One top-level entry for the plugin: no separate top-level connections or commissions items.
    expect(await sidebar.getByRole("link", { name: /^Affiliate (connections|commissions|settings)$/ }).count()).toBe(0)
    await shot("connections-1-list")

    // New connection: pick the affiliate.
    await page.getByRole("button", { name: "New connection" }).click()
    const dialog = page.getByRole("dialog")
    await dialog
      .getByRole("heading", { name: "New connection" })
      .waitFor({ timeout: STEP_TIMEOUT })
    // Other suites' affiliates share the store: the picker's first page may not show ours.
    await pickSearchResult(dialog, "Affiliates", affiliate.code, new RegExp(`${affiliate.name}.*${affiliate.code}`))
    await dialog
      .getByTestId("affiliates-selected")
      .waitFor({ timeout: STEP_TIMEOUT })
    await shot("connections-2-affiliate-picked")

    // A new customer, by name and email.
    await dialog.getByRole("radio", { name: /New customer/ }).click()
    await dialog.getByLabel("First name").fill(customer.first_name)
    await dialog.getByLabel("Last name").fill(customer.last_name)
    await dialog.getByLabel("Email").fill(customer.email)
    await shot("connections-3-new-customer")

    await dialog.getByRole("button", { name: "Connect" }).click()
    await dialog.waitFor({ state: "hidden", timeout: STEP_TIMEOUT })

    const row = page.getByRole("row", { name: new RegExp(customer.email) })
    await row.waitFor({ timeout: STEP_TIMEOUT })
    const rowText = await row.textContent()
    expect(rowText).toContain(`${customer.first_name} ${customer.last_name}`)
    expect(rowText).toContain(affiliate.name)
    expect(rowText).toContain(affiliate.code)
    expect(
      await row.locator("[data-source]").getAttribute("data-source")
    ).toBe("admin")
    await shot("connections-4-connected")

    // Medusa's customer page shows the affiliate in our widget.
    // Searched, as a store owner would: the suites share the store, and its
    // customers list is longer than a page by the time a suite runs.
    await page.goto(`${app.url}/app/customers?q=${encodeURIComponent(customer.email)}`)
    await page
      .getByRole("row", { name: new RegExp(customer.email) })
      .click({ timeout: FIRST_PAGE_TIMEOUT })
    const widget = page.getByTestId("customer-affiliate-widget")
    await widget
      .getByRole("link", { name: affiliate.name })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    const widgetText = await widget.textContent()
    expect(widgetText).toContain(affiliate.code)
    expect(widgetText).toContain("Admin")
    // In the side column: right of the main column's sections and above its
    // Orders section, not at the bottom below Metadata and JSON.
    const ordersHeading = page.getByRole("heading", { name: "Orders", exact: true })
    await ordersHeading.waitFor({ timeout: STEP_TIMEOUT })
    const widgetBox = await widget.boundingBox()
    const ordersBox = await ordersHeading.boundingBox()
    expect(widgetBox && ordersBox).toBeTruthy()
    if (widgetBox && ordersBox) {
      expect(widgetBox.x).toBeGreaterThan(ordersBox.x + 400)
      expect(widgetBox.y).toBeLessThan(ordersBox.y)
    }
    await shot("connections-5-customer-widget")

    expect(screenshots).toHaveLength(5)
  })
})
