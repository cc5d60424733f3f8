// Suites that need the storefront's address: the links in emails, and the
// short links that redirect to the storefront.
import { httpTestSuites } from "../helpers/test-runner"
import notifications from "./affiliate-notifications.suite"
import shortLinks from "./short-links.suite"

// Read by medusa-config.ts when the app boots for this file.
process.env.STOREFRONT_URL = "https://shop.example.com"

jest.setTimeout(240 * 1000)

httpTestSuites({
  "affiliate notifications": notifications,
  "short links": shortLinks,
})
