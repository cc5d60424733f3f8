import { MathBN } from "@medusajs/framework/utils"
import {
  calculateCommission,
  type CommissionRuleTerms,
  type CommissionTerms,
  type LineForCommission,
  reachedTier,
  tierPeriodStart,
} from "../utils/commission-rules"

const line = (overrides: Partial<LineForCommission> & Pick<LineForCommission, "item_id" | "base">): LineForCommission => ({
  title: overrides.item_id,
  quantity: 1,
  product_id: null,
  category_ids: [],
  collection_id: null,
  type_id: null,
  ...overrides,
})

const rule = (overrides: Partial<CommissionRuleTerms> & Pick<CommissionRuleTerms, "id" | "target" | "target_id" | "kind">): CommissionRuleTerms => ({
  rate: null,
  amounts: null,
  ...overrides,
})

const terms = (overrides: Partial<CommissionTerms> = {}): CommissionTerms => ({
  program_id: "affprog_test",
  rate: 10,
  rate_source: "program",
  order_amounts: null,
  rules: [],
  ...overrides,
})

describe("calculateCommission", () => {
  it("is the program's rate of the lines, rounded half-up once on the sum", () => {
    // 3 × 0.335 = 1.005 at 10 %: per line 0.0335 each; the sum 0.1005 → 0.10.
    const lines = ["a", "b", "c"].map((id) => line({ item_id: id, base: 0.335 }))
    const result = calculateCommission(lines, terms(), "eur")
    expect(result.amount).toBe(0.1)
    // The bases are stored at the currency's precision too, adding up: 1.005 → 1.01.
    expect(result.base_amount).toBe(1.01)
    expect(result.lines.map((l) => l.base)).toEqual([0.34, 0.34, 0.33])
    expect(result.lines.map((l) => l.amount)).toEqual([0.04, 0.03, 0.03])
    expect(result.lines.every((l) => l.kind === "default" && l.rate === 10)).toBe(true)
  })

  it("rounds half-up at the currency's precision (JPY none, KWD three decimals)", () => {
    // 10 % of 125 yen = 12.5 → 13; of 1.2345 dinar = 0.12345 → 0.123.
    expect(calculateCommission([line({ item_id: "a", base: 125 })], terms(), "jpy").amount).toBe(13)
    expect(calculateCommission([line({ item_id: "a", base: 1.2345 })], terms(), "kwd").amount).toBe(0.123)
    expect(calculateCommission([line({ item_id: "a", base: 1.2355 })], terms(), "kwd").amount).toBe(0.124)
  })

  it("lets the most specific rule decide a line: product, then category, collection, type", () => {
    const rules = [
      rule({ id: "r-type", target: "type", target_id: "ptyp_1", kind: "percentage", rate: 1 }),
      rule({ id: "r-coll", target: "collection", target_id: "pcol_1", kind: "percentage", rate: 15 }),
      rule({ id: "r-cat", target: "category", target_id: "pcat_1", kind: "percentage", rate: 20 }),
      rule({ id: "r-prod", target: "product", target_id: "prod_1", kind: "percentage", rate: 30 }),
    ]
    const all = { category_ids: ["pcat_1"], collection_id: "pcol_1", type_id: "ptyp_1" }
    const lines = [
      line({ item_id: "product", base: 100, product_id: "prod_1", ...all }),
      line({ item_id: "category", base: 100, product_id: "prod_2", ...all }),
      line({ item_id: "collection", base: 100, product_id: "prod_3", collection_id: "pcol_1", type_id: "ptyp_1" }),
      line({ item_id: "type", base: 100, product_id: "prod_4", type_id: "ptyp_1" }),
      line({ item_id: "none", base: 100, product_id: "prod_5" }),
    ]
    const result = calculateCommission(lines, terms({ rules }), "usd")
    expect(result.lines.map((l) => [l.item_id, l.rule_id, l.amount])).toEqual([
      ["product", "r-prod", 30],
      ["category", "r-cat", 20],
      ["collection", "r-coll", 15],
      ["type", "r-type", 1],
      ["none", null, 10],
    ])
    expect(result.amount).toBe(76)
  })

  it("excludes a line with an exclusion, and an exclusion wins over a rate of the same kind", () => {
    const rules = [
      rule({ id: "gift", target: "category", target_id: "pcat_gift", kind: "excluded" }),
      rule({ id: "sale", target: "category", target_id: "pcat_sale", kind: "percentage", rate: 25 }),
    ]
    const lines = [
      line({ item_id: "card", base: 50, product_id: "prod_card", category_ids: ["pcat_sale", "pcat_gift"] }),
      line({ item_id: "shirt", base: 40, product_id: "prod_shirt" }),
    ]
    const result = calculateCommission(lines, terms({ rules }), "eur")
    expect(result.lines[0]).toMatchObject({ rule_id: "gift", kind: "excluded", amount: 0 })
    expect(result.amount).toBe(4)
  })

  it("pays a fixed rule per unit in the order's currency, and ignores it in a currency it has no amount for", () => {
    const rules = [
      rule({ id: "fixed", target: "product", target_id: "prod_1", kind: "fixed", amounts: { usd: 2.5 } }),
    ]
    const item = line({ item_id: "a", base: 60, quantity: 3, product_id: "prod_1" })
    expect(calculateCommission([item], terms({ rules }), "usd")).toMatchObject({
      amount: 7.5,
      lines: [{ kind: "fixed", rule_id: "fixed", amount: 7.5 }],
    })
    expect(calculateCommission([item], terms({ rules }), "eur")).toMatchObject({
      amount: 6,
      lines: [{ kind: "default", rule_id: null, amount: 6, rate_source: "program" }],
    })
    // A line no rule decides says whose rate it earned.
    expect(calculateCommission([item], terms({ rules, rate: 15, rate_source: "affiliate" }), "eur").lines).toEqual([
      expect.objectContaining({ kind: "default", rate: 15, rate_source: "affiliate" }),
    ])
  })

  it("pays a fixed program amount once per order, unless every line is decided by a rule", () => {
    const fixed = terms({
      order_amounts: { usd: 5 },
      rules: [rule({ id: "x", target: "product", target_id: "prod_x", kind: "excluded" })],
    })
    const shirt = line({ item_id: "shirt", base: 30, product_id: "prod_shirt" })
    const excluded = line({ item_id: "x", base: 30, product_id: "prod_x" })
    expect(calculateCommission([shirt, shirt, excluded], fixed, "usd")).toMatchObject({
      amount: 5,
      lines: [{ amount: 0 }, { amount: 0 }, { amount: 0 }, { kind: "order", item_id: null, amount: 5 }],
    })
    expect(calculateCommission([excluded], fixed, "usd").amount).toBe(0)
  })

  it("makes the lines add up to the commission, cent for cent", () => {
    const lines = Array.from({ length: 7 }, (_, i) => line({ item_id: `l${i}`, base: 3.33 + i * 0.01 }))
    const result = calculateCommission(lines, terms({ rate: 12.5 }), "eur")
    const sum = result.lines.reduce((total, l) => total + Math.round(l.amount * 100), 0)
    expect(sum).toBe(Math.round(result.amount * 100))
    // 12.5 % of 23.52 = 2.94.
    expect(result.amount).toBe(2.94)
  })
})

describe("a fixed amount, capped by what the buyer paid", () => {
  const perUnit = (amounts: Record<string, number>) =>
    terms({ rules: [rule({ id: "fixed", target: "product", target_id: "prod_1", kind: "fixed", amounts })] })
  const perOrder = (amounts: Record<string, number>) =>
    terms({
      order_amounts: amounts,
      rules: [rule({ id: "x", target: "product", target_id: "prod_x", kind: "excluded" })],
    })

  it("pays a per-unit rule at most the line's base, nothing on free units (USD)", () => {
    const free = line({ item_id: "free", base: 0, quantity: 10, product_id: "prod_1" })
    expect(calculateCommission([free], perUnit({ usd: 5 }), "usd")).toMatchObject({
      amount: 0,
      base_amount: 0,
      lines: [{ kind: "fixed", rule_id: "fixed", base: 0, amount: 0 }],
    })
    // 10 units at 1.234 after discount: 12.34 paid, not 10 × 5.00.
    const cheap = line({ item_id: "cheap", base: 12.34, quantity: 10, product_id: "prod_1" })
    const other = line({ item_id: "other", base: 20, product_id: "prod_2" })
    expect(calculateCommission([cheap, other], perUnit({ usd: 5 }), "usd")).toMatchObject({
      amount: 14.34,
      lines: [{ kind: "fixed", amount: 12.34 }, { kind: "default", amount: 2 }],
    })
    // Under the cap, the rule pays in full.
    const full = line({ item_id: "full", base: 60, quantity: 3, product_id: "prod_1" })
    expect(calculateCommission([full], perUnit({ usd: 5 }), "usd").amount).toBe(15)
  })

  it("pays a per-order amount at most the base of the lines that earn it (USD)", () => {
    const dollar = line({ item_id: "dollar", base: 1, product_id: "prod_1" })
    expect(calculateCommission([dollar], perOrder({ usd: 5 }), "usd")).toMatchObject({
      amount: 1,
      lines: [{ amount: 0 }, { kind: "order", amount: 1 }],
    })
    const free = ["a", "b"].map((id) => line({ item_id: id, base: 0, quantity: 10, product_id: "prod_1" }))
    expect(calculateCommission(free, perOrder({ usd: 5 }), "usd")).toMatchObject({
      amount: 0,
      lines: [{ amount: 0 }, { amount: 0 }, { kind: "order", amount: 0 }],
    })
    // An excluded line's price does not raise the cap: the free line alone earns the amount per order.
    const excluded = line({ item_id: "x", base: 100, product_id: "prod_x" })
    expect(calculateCommission([excluded, free[0]], perOrder({ usd: 5 }), "usd").amount).toBe(0)
    expect(calculateCommission([excluded, dollar], perOrder({ usd: 5 }), "usd").amount).toBe(1)
  })

  it("caps in yen and dinar at their precision (JPY none, KWD three decimals)", () => {
    // ¥1,000 with 10 % tax included: 909.0909… paid without tax, stored as 909.
    const yen = line({ item_id: "yen", base: MathBN.div(1000, 1.1), quantity: 2, product_id: "prod_1" })
    expect(calculateCommission([yen], perUnit({ jpy: 500 }), "jpy")).toMatchObject({
      amount: 909,
      base_amount: 909,
      lines: [{ base: 909, amount: 909 }],
    })
    expect(calculateCommission([yen], perOrder({ jpy: 2000 }), "jpy").amount).toBe(909)
    // 1.2345 dinar paid: stored 1.235 (half-up); 2.500 per unit capped to it.
    const dinar = line({ item_id: "dinar", base: 1.2345, quantity: 1, product_id: "prod_1" })
    expect(calculateCommission([dinar], perUnit({ kwd: 2.5 }), "kwd")).toMatchObject({
      amount: 1.235,
      base_amount: 1.235,
      lines: [{ base: 1.235, amount: 1.235 }],
    })
    expect(calculateCommission([dinar], perOrder({ kwd: 2.5 }), "kwd").amount).toBe(1.235)
  })
})

describe("stored money, at the currency's precision", () => {
  const cents = (amounts: number[]) => amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0)

  it("stores a tax-inclusive line's base in cents, capping a fixed rule to it", () => {
    // 0.05 with 20 % tax included: 0.041666… without tax.
    const tiny = line({ item_id: "tiny", base: MathBN.div(0.05, 1.2), product_id: "prod_1" })
    expect(calculateCommission([tiny], terms(), "usd")).toMatchObject({
      base_amount: 0.04,
      amount: 0,
      lines: [{ base: 0.04, amount: 0 }],
    })
    const fixed = rule({ id: "f", target: "product", target_id: "prod_1", kind: "fixed", amounts: { usd: 1 } })
    expect(calculateCommission([tiny], terms({ rules: [fixed] }), "usd")).toMatchObject({
      amount: 0.04,
      lines: [{ base: 0.04, amount: 0.04 }],
    })
  })

  it("rounds the lines' bases so that they add up to the base amount (USD, JPY, KWD)", () => {
    // Three lines of 10.00 with 19 % tax included: 8.4033… each, 25.2100… together.
    const gross = (id: string) => line({ item_id: id, base: MathBN.div(10, 1.19) })
    const usd = calculateCommission(["a", "b", "c"].map(gross), terms(), "usd")
    expect(usd.base_amount).toBe(25.21)
    expect(usd.lines.map((l) => l.base)).toEqual([8.41, 8.4, 8.4])
    expect(cents(usd.lines.map((l) => l.base))).toBe(2521)
    expect(usd.amount).toBe(2.52)

    // ¥100 with 8 % tax included, three times: 92.59… each, 277.77… together.
    const yen = ["a", "b", "c"].map((id) => line({ item_id: id, base: MathBN.div(100, 1.08) }))
    const jpy = calculateCommission(yen, terms(), "jpy")
    expect(jpy.base_amount).toBe(278)
    expect(jpy.lines.map((l) => l.base)).toEqual([93, 93, 92])

    const dinars = ["a", "b"].map((id) => line({ item_id: id, base: MathBN.div(1, 3) }))
    const kwd = calculateCommission(dinars, terms(), "kwd")
    expect(kwd.base_amount).toBe(0.667)
    expect(kwd.lines.map((l) => l.base)).toEqual([0.334, 0.333])
  })
})

describe("tiers", () => {
  const tiers = [
    { threshold: 0, rate: 10 },
    { threshold: 1000, rate: 12 },
    { threshold: 5000, rate: 15 },
  ]

  it("reach the highest step at or below the measure", () => {
    expect(reachedTier(tiers, 999.99)?.rate).toBe(10)
    expect(reachedTier(tiers, 1000)?.rate).toBe(12)
    expect(reachedTier(tiers, 7000)?.rate).toBe(15)
    expect(reachedTier([{ threshold: 10, rate: 12 }], 9)).toBeNull()
  })

  it("count a month from its first moment in UTC, a lifetime from the start", () => {
    expect(tierPeriodStart("month", new Date("2026-12-31T23:59:00Z"))?.toISOString()).toBe(
      "2026-12-01T00:00:00.000Z"
    )
    expect(tierPeriodStart("lifetime", new Date())).toBeNull()
  })
})
