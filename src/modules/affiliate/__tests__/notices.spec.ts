import { affiliateNotices } from "../../../workflows/affiliate-notification/notices"
import { resolveAffiliateModuleOptions } from "../options"

describe("the registry of affiliate notices", () => {
  it("gives each notice its own id and template option", () => {
    const ids = affiliateNotices.map((notice) => notice.id)
    const optionKeys = affiliateNotices.map((notice) => notice.optionKey)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(optionKeys).size).toBe(optionKeys.length)
  })

  it("makes each notice's template an option that defaults to its template id", () => {
    const { notifications } = resolveAffiliateModuleOptions({})
    for (const notice of affiliateNotices) {
      expect(notifications[notice.optionKey]).toBe(notice.defaultTemplate)
    }
  })

  it("turns a notice off with false", () => {
    const { notifications } = resolveAffiliateModuleOptions({
      notifications: { payoutPaid: false },
    })
    expect(notifications.payoutPaid).toBe(false)
  })
})
