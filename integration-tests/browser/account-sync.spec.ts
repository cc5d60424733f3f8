import {
  type AdminSession,
  FIRST_PAGE_TIMEOUT,
  type RunningApp,
  STEP_TIMEOUT,
  describeBrowser,
  openAdmin,
  startApp,
} from "./harness"

const RUN_TIMEOUT = 120_000

jest.setTimeout(15 * 60_000)

describeBrowser("Affiliate account sync admin", () => {
  let app: RunningApp
  let admin: AdminSession

  const affiliate = {
    name: "Tess Tagger",
    email: "tess.tagger@example.com",
    code: "TESS",
    status: "approved",
  }
  const tag = "Affiliate partners"

  beforeAll(async () => {
    app = await startApp()
    admin = await openAdmin(app)
  }, 10 * 60_000)

  afterAll(async () => {
    await admin?.close()
    await app?.stop()
  })

  it("turns sync on with a tag, resyncs with a progress bar, and the affiliate is a customer in that group", async () => {
    const { page } = admin
    const created = await page.request.post(`${app.url}/admin/affiliates`, { data: affiliate })
    expect(created.status()).toBe(200)

    await page.goto(`${app.url}/app/settings/affiliates`)
    const section = page.getByTestId("account-sync-section")
    await section.getByRole("heading", { name: "Account sync" }).waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(await section.getByRole("button", { name: "Resync" }).isDisabled()).toBe(true)

    expect(await section.locator('[data-row="Sync affiliate accounts"]').textContent()).toContain("Off")
    // Edited in its own drawer, as Medusa's settings are.
    await section.getByRole("button", { name: "Edit" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.getByRole("switch").click()
    await drawer.getByLabel("Tags").fill(tag)
    await admin.screenshot("account-sync-1-switched-on")
    await drawer.getByRole("button", { name: "Save", exact: true }).click()
    await section.locator('[data-row="Tags"]').getByText(tag).waitFor({ timeout: STEP_TIMEOUT })
    expect(await section.locator('[data-row="Sync affiliate accounts"]').textContent()).toContain("On")

    // Saving starts a first run; the section follows it to the end.
    const run = section.getByTestId("account-sync-run")
    await run.locator('[data-run-status="completed"]').waitFor({ timeout: RUN_TIMEOUT })

    const resync = section.getByRole("button", { name: "Resync" })
    const [pressed] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().includes("/admin/affiliate-settings/resync") &&
          response.request().method() === "POST"
      ),
      resync.click(),
    ])
    const { affiliate_sync_run: started } = (await pressed.json()) as {
      affiliate_sync_run: { id: string }
    }
    // The section follows the new run (not the one before it) to its end.
    await run
      .locator(`[data-run-id="${started.id}"][data-run-status="completed"]`)
      .waitFor({ timeout: RUN_TIMEOUT })
    const progress = run.getByRole("progressbar", { name: "Account sync progress" })
    expect(await progress.getAttribute("aria-valuenow")).toBe("100")
    expect(await run.locator('[data-count="failed"]').textContent()).toContain("0")
    await run.scrollIntoViewIfNeeded()
    await admin.screenshot("account-sync-2-resynced")

    // Medusa's customers list has the affiliate as a registered customer.
    // Searched, as a store owner would: the suites share the store, and its
    // customers list is longer than a page by the time a suite runs.
    await page.goto(`${app.url}/app/customers?q=${encodeURIComponent(affiliate.email)}`)
    const customerRow = page.getByRole("row", { name: new RegExp(affiliate.email) })
    await customerRow.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(await customerRow.textContent()).toContain("Registered")
    await admin.screenshot("account-sync-3-customers")

    // The customer's page says whose account it is.
    await customerRow.click()
    const ownership = page.getByTestId("customer-affiliate-account")
    await ownership.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(await ownership.textContent()).toContain(`${affiliate.name} (${affiliate.code})`)
    // An affiliate's own account is nobody's referral: nothing offers to connect it.
    const widget = page.getByTestId("customer-affiliate-widget")
    expect(await widget.getByRole("button", { name: "Connect to an affiliate" }).count()).toBe(0)
    await admin.screenshot("account-sync-3b-customer-page")

    // …in the tag's customer group.
    await page.goto(`${app.url}/app/customer-groups`)
    await page.getByRole("row", { name: new RegExp(tag) }).click({ timeout: FIRST_PAGE_TIMEOUT })
    await page
      .getByRole("row", { name: new RegExp(affiliate.email) })
      .waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    await admin.screenshot("account-sync-4-customer-group")

    // With sync on, approving an affiliate syncs their account in the
    // background: their page shows it without a reload.
    const pending = await page.request.post(`${app.url}/admin/affiliates`, {
      data: { name: "Penny Pending", email: "penny.pending@example.com", code: "PENNY" },
    })
    expect(pending.status()).toBe(200)
    const { affiliate: penny } = (await pending.json()) as { affiliate: { id: string } }
    await page.goto(`${app.url}/app/affiliates/${penny.id}`)
    const account = page.locator('[data-row="Customer account"]')
    await account.waitFor({ timeout: FIRST_PAGE_TIMEOUT })
    expect(await account.textContent()).toContain("Not synced")
    await page.getByRole("button", { name: "Approve", exact: true }).click()
    await account
      .getByRole("link", { name: "penny.pending@example.com" })
      .waitFor({ timeout: STEP_TIMEOUT })
    await admin.screenshot("account-sync-5-approved-synced")

    // The suites share one store: leave sync off, as the others expect.
    const switchedOff = await page.request.post(`${app.url}/admin/affiliate-settings`, {
      data: { account_sync: { enabled: false } },
    })
    expect(switchedOff.status()).toBe(200)
  })
})
