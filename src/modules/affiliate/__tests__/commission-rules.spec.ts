import {
  calculateCommission,
  type CommissionRuleTerms,
  type CommissionTerms,
  type LineForCommission,
  reachedTier,
  tierPeriodStart,
} from "../utils/commission-rules"

const line = (overrides: Partial<LineForCommission> & { item_id: string; base: number }): LineForCommission => ({
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
    expect(result.base_amount).toBe(1.005)
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
      lines: [{ kind: "default", rule_id: null, amount: 6 }],
    })
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
