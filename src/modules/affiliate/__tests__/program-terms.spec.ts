import {
  programTermsProblem,
  type ProgramTerms,
  ruleTermsProblem,
} from "../utils/program-terms"

const program = (terms: Partial<ProgramTerms> = {}): ProgramTerms => ({
  commission_type: "percentage",
  commission_amounts: null,
  connection_lifetime: "forever",
  connection_lifetime_value: null,
  tier_metric: null,
  tiers: null,
  ...terms,
})

describe("programTermsProblem: the terms that depend on each other", () => {
  it("accepts the defaults and complete terms", () => {
    expect(programTermsProblem(program())).toBeUndefined()
    expect(
      programTermsProblem(
        program({
          commission_type: "fixed",
          commission_amounts: { usd: 5 },
          connection_lifetime: "orders",
          connection_lifetime_value: 10_000,
          tier_metric: "orders",
          tiers: [{ threshold: 10, rate: 12 }],
        })
      )
    ).toBeUndefined()
  })

  it.each<[Partial<ProgramTerms>, RegExp]>([
    [{ commission_type: "fixed" }, /commission_amounts/],
    [{ commission_type: "fixed", commission_amounts: {} }, /commission_amounts/],
    [{ connection_lifetime_value: 30 }, /forever takes no value/],
    [{ connection_lifetime: "days" }, /required when connection_lifetime is days/],
    [{ connection_lifetime: "days", connection_lifetime_value: 0 }, /from 1 to 3650/],
    [{ connection_lifetime: "days", connection_lifetime_value: 3651 }, /from 1 to 3650/],
    [{ connection_lifetime: "orders", connection_lifetime_value: 10_001 }, /from 1 to 10000/],
    [{ tier_metric: "revenue" }, /need at least one tier/],
    [{ tier_metric: "revenue", tiers: [] }, /need at least one tier/],
    [{ tiers: [{ threshold: 0, rate: 5 }] }, /need a tier_metric/],
  ])("rejects %j", (terms, message) => {
    expect(programTermsProblem(program(terms))).toMatch(message)
  })
})

describe("ruleTermsProblem: what each kind of rule takes", () => {
  it.each([
    [{ kind: "percentage" as const, rate: 0, amounts: null }, undefined],
    [{ kind: "fixed" as const, rate: null, amounts: { usd: 2 } }, undefined],
    [{ kind: "excluded" as const, rate: null, amounts: null }, undefined],
    [{ kind: "percentage" as const, rate: null, amounts: null }, /rate is required/],
    [{ kind: "percentage" as const, rate: 5, amounts: {} }, /not amounts/],
    [{ kind: "fixed" as const, rate: null, amounts: {} }, /amounts is required/],
    [{ kind: "fixed" as const, rate: 5, amounts: { usd: 1 } }, /not a rate/],
    [{ kind: "excluded" as const, rate: 0, amounts: null }, /neither/],
  ])("%j", (terms, expected) => {
    const problem = ruleTermsProblem(terms)
    if (expected) {
      expect(problem).toMatch(expected)
    } else {
      expect(problem).toBeUndefined()
    }
  })
})
