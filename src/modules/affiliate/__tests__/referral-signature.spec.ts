import { deriveReferralKey, signReferral, verifyReferral } from "../utils/referral-signature"

const key = deriveReferralKey("store-secret")
const at = "2026-12-07T15:00:00.000Z"

describe("referral signatures: a code and its time as the cart route recorded them", () => {
  it("verifies what it signed, with the code normalized and the time as a date", () => {
    const signed = signReferral(key, " jane ", at)
    expect(signed.code).toBe("JANE")
    expect(signed.recorded_at).toBe(at)
    expect(signed.signature).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(verifyReferral(key, signed)).toEqual({ code: "JANE", recorded_at: new Date(at) })
  })

  it("refuses another code, another time, another key or a tampered signature", () => {
    const signed = signReferral(key, "JANE", at)
    expect(verifyReferral(key, { ...signed, code: "MAX" })).toBeNull()
    expect(verifyReferral(key, { ...signed, recorded_at: "2026-12-10T15:00:00.000Z" })).toBeNull()
    // The same instant written another way is another text: not what was signed.
    expect(verifyReferral(key, { ...signed, recorded_at: "2026-12-07T15:00:00Z" })).toBeNull()
    expect(verifyReferral(deriveReferralKey("other-secret"), signed)).toBeNull()
    const flipped = (signed.signature[0] === "A" ? "B" : "A") + signed.signature.slice(1)
    expect(verifyReferral(key, { ...signed, signature: flipped })).toBeNull()
    expect(verifyReferral(key, { ...signed, signature: signed.signature.slice(0, 20) })).toBeNull()
  })

  it("refuses what a shopper could write into metadata: nothing, null, numbers, garbage", () => {
    const signed = signReferral(key, "JANE", at)
    for (const values of [
      { code: "JANE", recorded_at: at, signature: undefined },
      { code: "JANE", recorded_at: null, signature: signed.signature },
      { code: "JANE", recorded_at: Date.parse(at), signature: signed.signature },
      { code: ["JANE"], recorded_at: at, signature: signed.signature },
      { code: "JANE", recorded_at: at, signature: "not a signature" },
    ]) {
      expect(verifyReferral(key, values)).toBeNull()
    }
  })

  it("refuses a signed time that is no date", () => {
    expect(verifyReferral(key, signReferral(key, "JANE", "soon"))).toBeNull()
  })

  it("derives one key per secret, never the secret itself", () => {
    expect(deriveReferralKey("store-secret")).toEqual(key)
    expect(deriveReferralKey("store-secret").toString("utf8")).not.toContain("store-secret")
    expect(deriveReferralKey("other-secret")).not.toEqual(key)
  })
})
