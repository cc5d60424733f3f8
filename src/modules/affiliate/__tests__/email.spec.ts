import { z } from "@medusajs/framework/zod"
import {
  checkEmail,
  invalidEmailMessage,
  isSameMailbox,
  mailboxKey,
  normalizeEmail,
} from "../utils/email"

const problemOf = (given: string) => {
  const checked = checkEmail(given)
  return checked.valid ? undefined : checked.problem
}

describe("checkEmail: one plain address, in its one normalized form", () => {
  it("accepts plain addresses and answers them lower-cased", () => {
    expect(checkEmail("Jane.Doe+shop@Example.co.uk")).toEqual({
      valid: true,
      email: "jane.doe+shop@example.co.uk",
    })
    expect(checkEmail("o'brien@mail-1.example.ie")).toEqual({
      valid: true,
      email: "o'brien@mail-1.example.ie",
    })
    expect(checkEmail("  jane@example.com ")).toEqual({ valid: true, email: "jane@example.com" })
  })

  it("turns fullwidth letters into ASCII", () => {
    expect(checkEmail("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")).toEqual({
      valid: true,
      email: "jane@example.com",
    })
    expect(checkEmail("JANE@EXAMPLE.COM")).toEqual(checkEmail("ＪＡＮＥ@example.com"))
  })

  it.each([
    ["not-an-email", /exactly one @/],
    ["a@x.com, b@y.test", /one bare address/],
    ["x@x.com\r\nbcc: v@y.test", /line break/],
    ["x@x.com\n", /line break/],
    ["x@x.com\u0000", /control character/],
    ['"<img src=x onerror=alert(1)>"@x.com', /one bare address/],
    ["Jane <jane@example.com>", /one bare address/],
    ["jane doe@example.com", /one bare address/],
    ["a@b@example.com", /exactly one @/],
    ["@example.com", /before @ must have 1 to 64/],
    [`${"a".repeat(65)}@example.com`, /before @ must have 1 to 64/],
    [`${"a".repeat(60)}@${"b".repeat(190)}.com`, /longer than 254/],
    [".jane@example.com", /a dot neither first/],
    ["jane.@example.com", /a dot neither first/],
    ["ja..ne@example.com", /a dot neither first/],
    ["jane'@example.com", /before @ may have/],
    ["ja{ne}@example.com", /before @ may have/],
    ["jane@localhost", /domain name/],
    ["jane@example.c0m", /domain name/],
    ["jane@-example.com", /domain name/],
    ["jane@example-.com", /domain name/],
    ["jane@example..com", /domain name/],
    ["jane@1.2.3.4", /domain name/],
    ["jane@[127.0.0.1]", /one bare address/],
  ])("refuses %j", (given, problem) => {
    expect(problemOf(given)).toMatch(problem)
  })

  it("refuses look-alike letters of other scripts, and letters whose lower case differs in SQL", () => {
    // Cyrillic а (U+0430), Greek ο (U+03BF), Latin capital I with dot (U+0130).
    for (const lookAlike of ["j\u0430ne@example.com", "j\u03bfhn@example.com", "V\u0130C@example.com"]) {
      expect(problemOf(lookAlike)).toMatch(/outside ASCII/)
    }
    // Invisible ones too: a zero-width space, a right-to-left override.
    expect(problemOf("ja\u200bne@example.com")).toMatch(/outside ASCII/)
    expect(problemOf("jane@exa\u202emple.com")).toMatch(/outside ASCII/)
  })

  it("accepts only addresses Medusa's own customer routes accept", () => {
    const medusaEmail = z.string().email()
    for (const given of [
      "jane@example.com",
      "o'brien@example.ie",
      "a_b-c+d.e@sub.example-shop.travel",
      "ｊａｎｅ@example.com",
    ]) {
      const checked = checkEmail(given)
      expect(checked.valid).toBe(true)
      expect(medusaEmail.safeParse(checked.valid && checked.email).success).toBe(true)
    }
  })
})

describe("normalizeEmail", () => {
  it("is NFKC, then lower case, and leaves an accepted address as it is", () => {
    expect(normalizeEmail("ＪａＮｅ@Example.COM")).toBe("jane@example.com")
    expect(normalizeEmail("jane@example.com")).toBe("jane@example.com")
    // The Kelvin sign is a K under NFKC: lower-cased to k like any K.
    expect(normalizeEmail("\u212Aim@example.com")).toBe("kim@example.com")
  })
})

describe("invalidEmailMessage", () => {
  it("names the field, quotes the address with its line breaks escaped, and shortens a long one", () => {
    expect(invalidEmailMessage("email", "x@x.com\r\nbcc: v@y.test", "why")).toBe(
      'email: "x@x.com\\r\\nbcc: v@y.test" is not a valid email address: why'
    )
    const message = invalidEmailMessage("customer.email", "a".repeat(50_000), "why")
    expect(message.length).toBeLessThan(150)
    expect(message).toMatch(/^customer\.email: "a+…" is not a valid email address: why$/)
  })
})

describe("mailboxKey: addresses that reach one mailbox", () => {
  it("drops a +tag", () => {
    expect(mailboxKey("Jane+Shop@Example.com")).toBe("jane@example.com")
    expect(isSameMailbox("jane+shop@example.com", "jane@example.com")).toBe(true)
    expect(isSameMailbox("jane+a+b@example.com", "jane+c@example.com")).toBe(true)
  })

  it("drops dots at Gmail, and reads googlemail.com as gmail.com", () => {
    expect(mailboxKey("Jane.Doe+shop@googlemail.com")).toBe("janedoe@gmail.com")
    expect(isSameMailbox("j.a.n.e.doe@gmail.com", "janedoe@gmail.com")).toBe(true)
  })

  it("keeps dots elsewhere, and keeps different people apart", () => {
    expect(isSameMailbox("jane.doe@example.com", "janedoe@example.com")).toBe(false)
    expect(isSameMailbox("jane@example.com", "jane@example.org")).toBe(false)
    expect(isSameMailbox("jane@gmail.com", "jane@example.com")).toBe(false)
    expect(isSameMailbox("jane@gmail.com", "joan@gmail.com")).toBe(false)
  })

  it("keeps an address with nothing before its tag whole", () => {
    expect(mailboxKey("+a@example.com")).toBe("+a@example.com")
    expect(isSameMailbox("+a@example.com", "+b@example.com")).toBe(false)
  })
})
