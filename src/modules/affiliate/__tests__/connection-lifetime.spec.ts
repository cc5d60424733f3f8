import { connectionTerm } from "../utils/connection-lifetime"

const created_at = new Date("2026-01-31T10:00:00.000Z")

describe("connectionTerm: what is left of a connection under its program", () => {
  it("ends a days lifetime that many days after the connection was made", () => {
    expect(
      connectionTerm(
        { created_at, credited_orders: 5 },
        { connection_lifetime: "days", connection_lifetime_value: 30 }
      )
    ).toEqual({ expires_at: "2026-03-02T10:00:00.000Z", orders_left: null })
  })

  it("counts the orders left under an orders lifetime, never below zero", () => {
    const lifetime = { connection_lifetime: "orders" as const, connection_lifetime_value: 2 }
    expect(connectionTerm({ created_at, credited_orders: 0 }, lifetime)).toEqual({
      expires_at: null,
      orders_left: 2,
    })
    expect(connectionTerm({ created_at, credited_orders: 1 }, lifetime).orders_left).toBe(1)
    expect(connectionTerm({ created_at, credited_orders: 3 }, lifetime).orders_left).toBe(0)
  })

  it("shows no end for forever, a missing value, a missing program or an ended connection", () => {
    const none = { expires_at: null, orders_left: null }
    expect(
      connectionTerm({ created_at }, { connection_lifetime: "forever", connection_lifetime_value: null })
    ).toEqual(none)
    expect(
      connectionTerm({ created_at }, { connection_lifetime: "days", connection_lifetime_value: null })
    ).toEqual(none)
    expect(connectionTerm({ created_at }, undefined)).toEqual(none)
    expect(
      connectionTerm(
        { created_at, ended_at: new Date() },
        { connection_lifetime: "days", connection_lifetime_value: 30 }
      )
    ).toEqual(none)
  })
})
