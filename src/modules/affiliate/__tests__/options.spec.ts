import { resolveAffiliateModuleOptions } from "../options"

describe("the plugin's notification options", () => {
  it("defaults every notification to its template", () => {
    expect(resolveAffiliateModuleOptions({}).notifications).toEqual({
      affiliateApproved: "affiliate-approved",
      commissionEarned: "affiliate-commission-earned",
      commissionPaid: "affiliate-commission-paid",
      payoutPaid: "affiliate-payout-paid",
      accountInvite: "affiliate-account-invite",
      affiliateSignedUp: "affiliate-signed-up",
      loginInvite: "affiliate-login-invite",
      passwordReset: "affiliate-password-reset",
      payoutMethodUpdated: "affiliate-payout-method-updated",
    })
  })

  it("takes template ids, false, an owner email and a set-password page", () => {
    expect(
      resolveAffiliateModuleOptions({
        notifications: {
          commissionPaid: false,
          affiliateApproved: " d-1234 ",
          storeOwnerEmail: "owner@shop.test",
          accountInviteUrl: "https://shop.test/account/set-password",
          loginInviteUrl: "https://shop.test/partners/claim",
        },
      }).notifications
    ).toEqual(
      expect.objectContaining({
        commissionPaid: false,
        affiliateApproved: "d-1234",
        commissionEarned: "affiliate-commission-earned",
        storeOwnerEmail: "owner@shop.test",
        accountInviteUrl: "https://shop.test/account/set-password",
        loginInviteUrl: "https://shop.test/partners/claim",
      })
    )
  })

  it.each([
    [{ commissionPaid: true }, "notifications.commissionPaid: expected a template id (text of 1 to 200 characters) or false"],
    [{ affiliateApproved: "x".repeat(201) }, "notifications.affiliateApproved: Too big: expected string to have <=200 characters"],
    [{ storeOwnerEmail: "not an email" }, "notifications.storeOwnerEmail: Invalid email address"],
    [{ accountInviteUrl: "javascript:alert(1)" }, "notifications.accountInviteUrl: Invalid URL"],
    [{ passwordResetUrl: "ftp://shop.test/reset" }, "notifications.passwordResetUrl: Invalid URL"],
    [{ commisionPaid: false }, 'notifications: Unrecognized key: "commisionPaid"'],
  ])("refuses %o with a message naming the option", (notifications, message) => {
    expect(() => resolveAffiliateModuleOptions({ notifications })).toThrow(
      `Invalid options for the affiliate plugin: ${message}`
    )
  })
})

describe("the plugin's rate limit options", () => {
  it("defaults to 20 failed attempts and 600 requests a minute per client, 10,000 clients", () => {
    expect(resolveAffiliateModuleOptions({}).rateLimit).toEqual({
      windowSeconds: 60,
      maxFailedAttempts: 20,
      maxRequests: 600,
      maxClients: 10_000,
    })
  })

  it("takes a store's own limits", () => {
    expect(
      resolveAffiliateModuleOptions({ rateLimit: { maxFailedAttempts: 5, windowSeconds: 300 } }).rateLimit
    ).toEqual({ windowSeconds: 300, maxFailedAttempts: 5, maxRequests: 600, maxClients: 10_000 })
  })

  it.each([
    [{ maxFailedAttempts: 0 }, "rateLimit.maxFailedAttempts: Too small: expected number to be >=1"],
    [{ windowSeconds: 1.5 }, "rateLimit.windowSeconds: Invalid input: expected int, received number"],
    [{ maxClients: "many" }, "rateLimit.maxClients: Invalid input: expected number, received string"],
    [{ maxFailures: 5 }, 'rateLimit: Unrecognized key: "maxFailures"'],
  ])("refuses %o with a message naming the option", (rateLimit, message) => {
    expect(() => resolveAffiliateModuleOptions({ rateLimit })).toThrow(
      `Invalid options for the affiliate plugin: ${message}`
    )
  })
})
