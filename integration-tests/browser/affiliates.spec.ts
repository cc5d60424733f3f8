import {
  type AdminSession,
  type RunningApp,
  describeBrowser,
  openAdmin,
  startApp,
} from "./harness"

// The first admin page under `medusa develop` is compiled by Vite on demand.
const FIRST_PAGE_TIMEOUT = 240_000
const STEP_TIMEOUT = 30_000

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
})
