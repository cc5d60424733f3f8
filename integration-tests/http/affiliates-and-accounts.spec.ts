// Affiliates and their store accounts: the affiliate routes, programs,
// customer connections and their expiry, account sync and login invites.
import { httpTestSuites } from "../helpers/test-runner"
import accountSync from "./affiliate-account-sync.suite"
import accounts from "./affiliate-accounts.suite"
import affiliates from "./affiliates.suite"
import connectionExpiry from "./affiliate-connection-expiry.suite"
import connections from "./affiliate-connections.suite"
import loginInvites from "./affiliate-login-invites.suite"
import programs from "./affiliate-programs.suite"
import securityAccounts from "./security-accounts.suite"

jest.setTimeout(240 * 1000)

httpTestSuites({
  affiliates,
  "affiliate programs": programs,
  "customer connections": connections,
  "connection expiry": connectionExpiry,
  "affiliate accounts": accounts,
  "account sync": accountSync,
  "login invites": loginInvites,
  "security: accounts": securityAccounts,
})
