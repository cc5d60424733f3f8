import { shortLinkTarget } from "../utils/links"

const STOREFRONT = "https://shop.example.com"
const referral = { code: "JANE", visit_id: "affvisit_01" }

describe("short links: where GET /r/:code sends a visitor", () => {
  it("sends them to the storefront page named, with the code and the visit", () => {
    expect(shortLinkTarget(STOREFRONT, "/products/shirt?color=blue", referral)).toBe(
      "https://shop.example.com/products/shirt?color=blue&ref=JANE&visit_id=affvisit_01"
    )
    // A ref already in the page's query is the link's code, not another.
    expect(shortLinkTarget(STOREFRONT, "/?ref=MAX", { code: "JANE", visit_id: null })).toBe(
      "https://shop.example.com/?ref=JANE"
    )
    expect(shortLinkTarget(STOREFRONT, undefined, referral)).toBe(
      "https://shop.example.com/?ref=JANE&visit_id=affvisit_01"
    )
  })

  it("never sends them to another site: every other form of `to` leads to the storefront's root", () => {
    for (const to of [
      "https://evil.example/phish",
      "//evil.example/phish",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\\\\evil.example",
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "evil.example",
      " /products",
      "https:evil.example",
    ]) {
      const target = new URL(shortLinkTarget(STOREFRONT, to, referral))
      expect({ to, origin: target.origin, path: target.pathname }).toEqual({
        to,
        origin: STOREFRONT,
        path: "/",
      })
    }
  })

  it("sends an unknown code to the root with nothing added", () => {
    expect(shortLinkTarget(STOREFRONT, "/products/shirt", null)).toBe("https://shop.example.com/")
  })
})
