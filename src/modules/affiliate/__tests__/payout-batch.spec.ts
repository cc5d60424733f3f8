import { groupPayableLines, type PayableLine } from "../utils/payout-batch"

const line = (
  affiliate_id: string,
  amount: string,
  fields: Partial<PayableLine> = {}
): PayableLine => ({
  affiliate_id,
  currency_code: "eur",
  commission_id: `comm_${affiliate_id}_${amount}`,
  adjustment_id: null,
  commission_status: "approved",
  owner_commission_id: `comm_${affiliate_id}_${amount}`,
  amount,
  ...fields,
})

const totals = (groups: ReturnType<typeof groupPayableLines>) =>
  groups.map(({ group, total }) => [group[0].affiliate_id, group[0].currency_code, total.toNumber()])

describe("groupPayableLines: one payout per affiliate and currency", () => {
  it("sums each affiliate's lines per currency exactly to the cent", () => {
    const lines = [
      line("aff_1", "0.1"),
      line("aff_1", "0.2"),
      line("aff_1", "5", { currency_code: "usd" }),
      line("aff_2", "3.33"),
    ]
    const locked = new Set(lines.map((l) => l.owner_commission_id))
    expect(totals(groupPayableLines(lines, locked, {}))).toEqual([
      ["aff_1", "eur", 0.3],
      ["aff_1", "usd", 5],
      ["aff_2", "eur", 3.33],
    ])
  })

  it("leaves out a commission approved after the lock, with its adjustments, but keeps a paid one's", () => {
    const late = line("aff_1", "10")
    const lateRefund = line("aff_1", "-2", {
      commission_id: null,
      adjustment_id: "adj_1",
      owner_commission_id: late.owner_commission_id,
    })
    const paidRefund = line("aff_1", "-1", {
      commission_id: null,
      adjustment_id: "adj_2",
      commission_status: "paid",
      owner_commission_id: "comm_paid",
    })
    const kept = line("aff_1", "4")
    const groups = groupPayableLines([late, lateRefund, paidRefund, kept], new Set([kept.owner_commission_id]), {})
    expect(groups[0].group).toEqual([paidRefund, kept])
    expect(groups[0].total.toNumber()).toBe(3)
  })

  it("drops a group below the currency's minimum or not above zero", () => {
    const lines = [
      line("aff_1", "9.99"),
      line("aff_2", "10"),
      line("aff_3", "-1"),
      line("aff_4", "0", { currency_code: "usd" }),
    ]
    const locked = new Set(lines.map((l) => l.owner_commission_id))
    expect(totals(groupPayableLines(lines, locked, { eur: 10 }))).toEqual([["aff_2", "eur", 10]])
  })
})
