import {
  loginInviteHash,
  matchesLoginInvite,
  newLoginInviteToken,
  tokenDigest,
} from "../utils/login-invite"
import { tokenLink } from "../utils/links"

describe("login invite tokens", () => {
  it("are 32 random URL-safe bytes, each new", () => {
    const token = newLoginInviteToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newLoginInviteToken()).not.toBe(token)
  })

  it("match their hash only with the email they were sent to, in any letter case", () => {
    const token = newLoginInviteToken()
    const hash = loginInviteHash("jane@shop.test", token)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain(token)
    expect(matchesLoginInvite(hash, "Jane@Shop.test", token)).toBe(true)
    expect(matchesLoginInvite(hash, "john@shop.test", token)).toBe(false)
    expect(matchesLoginInvite(hash, "jane@shop.test", newLoginInviteToken())).toBe(false)
    expect(matchesLoginInvite("not hex", "jane@shop.test", token)).toBe(false)
  })

  it("are named in idempotency keys by a short digest", () => {
    expect(tokenDigest("abc")).toMatch(/^[0-9a-f]{16}$/)
    expect(tokenDigest("abc")).not.toBe(tokenDigest("abd"))
  })
})

describe("links with a token", () => {
  it("go to the configured page, else the storefront's path for it, else nowhere", () => {
    expect(
      tokenLink("claim_login", { storefrontUrl: "https://shop.test/de", notifications: {} }, "t1", "a+b@shop.test")
    ).toBe("https://shop.test/de/affiliate/claim?token=t1&email=a%2Bb%40shop.test")
    expect(
      tokenLink(
        "reset_password",
        { storefrontUrl: "https://shop.test", notifications: { passwordResetUrl: "https://shop.test/p?x=1" } },
        "t2",
        "a@shop.test"
      )
    ).toBe("https://shop.test/p?x=1&token=t2&email=a%40shop.test")
    expect(tokenLink("set_password", { notifications: {} }, "t3", "a@shop.test")).toBeNull()
  })
})
