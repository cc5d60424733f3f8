// The ledger and what it pays: commission lists and changes, payouts and
// their races, and the attacks on money and on input.
import { httpTestSuites } from "../helpers/test-runner"
import commissionLedger from "./commission-ledger.suite"
import affiliatePayouts from "./affiliate-payouts.suite"
import payoutRaces from "./payout-races.suite"
import securityInput from "./security-input.suite"
import securityMoney from "./security-money.suite"

jest.setTimeout(240 * 1000)

httpTestSuites({
  "commission ledger": commissionLedger,
  "affiliate payouts": affiliatePayouts,
  "payout races": payoutRaces,
  "security: money": securityMoney,
  "security: input": securityInput,
})
