import { refundAdjustments } from "../utils/money"

const commission = (
  amount: number,
  adjustments: { amount: number; reason: string; reference: string }[] = []
) => ({ amount, currency_code: "eur", adjustments })

const refunds = (...amounts: number[]) =>
  amounts.map((amount, i) => ({ id: `ref_${i + 1}`, amount }))

const total = (adjustments: { amount: number }[]) =>
  adjustments.reduce((sum, a) => Math.round((sum + a.amount) * 100) / 100, 0)

describe("refundAdjustments: cumulative refund shares, to the cent", () => {
  it("takes exactly the whole commission when a refund in six parts refunds everything", () => {
    // 6.00 of 64.97: each 10 alone would round to 0.92, leaving 0.02 behind.
    const adjustments = refundAdjustments(commission(6), refunds(10, 10, 10, 10, 10, 14.97), 64.97)
    expect(adjustments.map((a) => a.amount)).toEqual([-0.92, -0.93, -0.92, -0.92, -0.93, -1.38])
    expect(total(adjustments)).toBe(-6)
  })

  it("adds small refunds up instead of rounding each to nothing", () => {
    // Cumulative 0.0037, 0.0074, 0.0111, 0.0148, 0.0185 → 0.00, 0.01, 0.01, 0.01, 0.02.
    const adjustments = refundAdjustments(commission(6), refunds(0.04, 0.04, 0.04, 0.04, 0.04), 64.92)
    expect(adjustments).toEqual([
      { reference: "ref_2", amount: -0.01 },
      { reference: "ref_5", amount: -0.01 },
    ])
  })

  it("adds only what recorded refunds have not taken, and nothing for a recorded refund", () => {
    const recorded = commission(6, [{ amount: -0.92, reason: "refund", reference: "ref_1" }])
    expect(refundAdjustments(recorded, refunds(10), 64.97)).toEqual([])
    expect(refundAdjustments(recorded, refunds(10, 10), 64.97)).toEqual([
      { reference: "ref_2", amount: -0.93 },
    ])
  })

  it("never takes a commission below zero", () => {
    const canceled = commission(6, [
      { amount: -1, reason: "refund", reference: "ref_1" },
      { amount: -5, reason: "order_canceled", reference: "order_canceled" },
    ])
    expect(refundAdjustments(canceled, refunds(10, 54.97), 64.97)).toEqual([])
    expect(refundAdjustments(commission(6), refunds(64.97, 5), 64.97)).toEqual([
      { reference: "ref_1", amount: -6 },
    ])
  })

  it("rounds at the currency's precision", () => {
    const yen = { amount: 600, currency_code: "jpy", adjustments: [] }
    expect(refundAdjustments(yen, refunds(1000, 1000), 6497)).toEqual([
      { reference: "ref_1", amount: -92 },
      { reference: "ref_2", amount: -93 },
    ])
  })
})
