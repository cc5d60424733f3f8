import {
  deriveVisitorKeySecret,
  LANDING_URL_MAX_LENGTH,
  landingPath,
  referrerHost,
  visitorKey,
} from "../utils/visits"

describe("visits", () => {
  describe("landingPath", () => {
    it("keeps path and query, drops scheme, host and fragment", () => {
      expect(landingPath("https://shop.example.com/products/shirt?color=blue#reviews")).toBe(
        "/products/shirt?color=blue"
      )
      expect(landingPath("/collections/summer?page=2")).toBe("/collections/summer?page=2")
    })

    it("is null without a value, and bounded", () => {
      expect(landingPath(undefined)).toBeNull()
      expect(landingPath("")).toBeNull()
      expect(landingPath("javascript:alert(1)")).toBeNull()
      expect(landingPath(`/${"a".repeat(5000)}`)).toHaveLength(LANDING_URL_MAX_LENGTH)
    })
  })

  describe("referrerHost", () => {
    it("keeps only a web page's host, in lower case", () => {
      expect(referrerHost("https://WWW.Instagram.com/p/abc?token=secret")).toBe("www.instagram.com")
      expect(referrerHost("http://blog.example:8080/post")).toBe("blog.example")
    })

    it("keeps nothing of anything else", () => {
      for (const value of [undefined, "", "not a url", "android-app://com.example/", "javascript:alert(1)", "/relative"]) {
        expect(referrerHost(value)).toBeNull()
      }
    })
  })

  describe("visitorKey", () => {
    const key = deriveVisitorKeySecret("store secret")

    it("is the same for one address and browser, different otherwise, and holds neither", () => {
      const first = visitorKey(key, "203.0.113.7", "Firefox")
      expect(visitorKey(key, "203.0.113.7", "Firefox")).toBe(first)
      expect(visitorKey(key, "203.0.113.8", "Firefox")).not.toBe(first)
      expect(visitorKey(key, "203.0.113.7", "Safari")).not.toBe(first)
      expect(first).not.toContain("203")
    })

    it("depends on the store's secret", () => {
      const other = deriveVisitorKeySecret("another store")
      expect(visitorKey(other, "203.0.113.7", "Firefox")).not.toBe(visitorKey(key, "203.0.113.7", "Firefox"))
    })
  })
})
