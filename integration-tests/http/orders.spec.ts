// Orders credited: clicks on links, referral codes on carts, the crediting
// decision, the commission rules and tiers, and moving a commission to
// another affiliate.
import { httpTestSuites } from "../helpers/test-runner"
import cartReferral from "./cart-referral.suite"
import commissionCrediting from "./commission-crediting.suite"
import commissionReassign from "./affiliate-commission-reassign.suite"
import commissionRules from "./commission-rules.suite"
import visits from "./affiliate-visits.suite"

jest.setTimeout(240 * 1000)

httpTestSuites({
  "affiliate visits": visits,
  "cart referral": cartReferral,
  "commission crediting": commissionCrediting,
  "commission rules": commissionRules,
  "commission reassignment": commissionReassign,
})
