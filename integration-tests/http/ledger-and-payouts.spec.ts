// The ledger and what it pays: commission lists and changes, payouts and
// their races, the reports that add up to the ledger, and the attacks on
// money and on input.
import { httpTestSuites } from "../helpers/test-runner"
import commissionLedger from "./commission-ledger.suite"
import affiliatePayouts from "./affiliate-payouts.suite"
import affiliateReports from "./affiliate-reports.suite"
import payoutRaces from "./payout-races.suite"
import securityInput from "./security-input.suite"
import securityMoney from "./security-money.suite"

jest.setTimeout(240 * 1000)

httpTestSuites({
  "commission ledger": commissionLedger,
  "affiliate payouts": affiliatePayouts,
  "affiliate reports": affiliateReports,
  "payout races": payoutRaces,
  "security: money": securityMoney,
  "security: input": securityInput,
})
