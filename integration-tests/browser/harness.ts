import fs from "fs"
import path from "path"
import { type Browser, type Locator, type Page, chromium } from "playwright-core"
import { chromiumPath } from "./chromium"

/** The Medusa app the browser suites share (started by the jest global setup). */
export type RunningApp = {
  url: string
  adminEmail: string
  adminPassword: string
  /** The shared app outlives each suite: the global teardown stops it. */
  stop(): Promise<void>
}

export type AdminSession = {
  browser: Browser
  page: Page
  /** Saves a full-page screenshot under artifacts/screenshots and returns its path. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

const screenshotDir = path.resolve(__dirname, "..", "..", "artifacts", "screenshots")

// Vite compiles the admin on demand under `medusa develop`: the first page is slow.
const LOGIN_TIMEOUT = 240_000
/** A suite's first visit to a page of the admin. */
export const FIRST_PAGE_TIMEOUT = 240_000
/** One step on a page already open. */
export const STEP_TIMEOUT = 30_000

/**
 * A describe block that needs Chromium: skipped with a notice where there is
 * none, except in CI, where a missing browser is a failure.
 */
export function describeBrowser(name: string, suite: () => void) {
  if (chromiumPath()) {
    describe(name, suite)
    return
  }
  if (process.env.CI) {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(
          "Chromium was not found (install Debian's `chromium` or set CHROMIUM_PATH); browser tests must run in CI."
        )
      })
    })
    return
  }
  process.stderr.write(
    `Skipping browser suite "${name}": no Chromium found (install \`chromium\` or set CHROMIUM_PATH).\n`
  )
  describe.skip(name, suite)
}

export async function startApp(): Promise<RunningApp> {
  const url = process.env.BROWSER_APP_URL
  if (!url) {
    throw new Error("The browser suites' app did not start: see the global setup's error above.")
  }
  return {
    url,
    adminEmail: process.env.BROWSER_ADMIN_EMAIL as string,
    adminPassword: process.env.BROWSER_ADMIN_PASSWORD as string,
    stop: async () => undefined,
  }
}

/** Launches Chromium and logs in to the admin; the page ends on the admin's home. */
export async function openAdmin(app: RunningApp): Promise<AdminSession> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  // The referral link's copy button writes to the clipboard; the tests read it back.
  await context.grantPermissions(["clipboard-read", "clipboard-write"])
  const page = await context.newPage()

  await page.goto(`${app.url}/app/login`, { timeout: LOGIN_TIMEOUT })
  await page.locator('input[name="email"]').fill(app.adminEmail, { timeout: LOGIN_TIMEOUT })
  await page.locator('input[name="password"]').fill(app.adminPassword)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: LOGIN_TIMEOUT })

  fs.mkdirSync(screenshotDir, { recursive: true })
  return {
    browser,
    page,
    screenshot: async (name) => {
      const file = path.join(screenshotDir, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    close: async () => {
      // Playwright gives each launch a fresh profile and removes it on close.
      await browser.close()
    },
  }
}

/**
 * Searches a pick list (`label` as the list names itself, e.g. "Affiliates")
 * and clicks the option matching `option`, once every option shown matches
 * the search: clicking while the results before the search are still up can
 * land on a row that moves away under the pointer.
 */
export async function pickSearchResult(scope: Locator, label: string, search: string, option: RegExp) {
  await scope.getByLabel(`Search ${label.toLowerCase()}`).fill(search)
  const options = scope.getByRole("listbox", { name: label }).getByRole("option")
  const deadline = Date.now() + STEP_TIMEOUT
  const wanted = search.toLowerCase()
  for (;;) {
    const texts = await options.allTextContents()
    if (texts.length && texts.every((text) => text.toLowerCase().includes(wanted))) {
      break
    }
    if (Date.now() > deadline) {
      throw new Error(`The ${label} list never showed only results for "${search}": ${texts.join(" | ")}`)
    }
    await scope.page().waitForTimeout(100)
  }
  await options.filter({ hasText: option }).click({ timeout: STEP_TIMEOUT })
}
