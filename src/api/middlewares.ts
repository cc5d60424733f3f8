import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateCommissionRoutesMiddlewares } from "./admin/affiliate-commissions/middlewares"
import { adminAffiliateConnectionRoutesMiddlewares } from "./admin/affiliate-connections/middlewares"
import { adminAffiliatePayoutRoutesMiddlewares } from "./admin/affiliate-payouts/middlewares"
import { adminAffiliateProgramRoutesMiddlewares } from "./admin/affiliate-programs/middlewares"
import { adminAffiliateReportRoutesMiddlewares } from "./admin/affiliate-reports/middlewares"
import { adminAffiliateSettingsRoutesMiddlewares } from "./admin/affiliate-settings/middlewares"
import { adminAffiliateSyncRunRoutesMiddlewares } from "./admin/affiliate-sync-runs/middlewares"
import { adminAffiliateRoutesMiddlewares } from "./admin/affiliates/middlewares"
import { authRoutesMiddlewares } from "./auth/middlewares"
import { shortLinkRoutesMiddlewares } from "./r/middlewares"
import { storeAffiliateVisitRoutesMiddlewares } from "./store/affiliate-visits/middlewares"
import { storeAffiliateRoutesMiddlewares } from "./store/affiliates/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"

// Each resource folder declares its own routes' middlewares; they are listed
// here in the order they have always been registered in.
export default defineMiddlewares({
  routes: [
    ...adminAffiliatePayoutRoutesMiddlewares,
    ...adminAffiliateProgramRoutesMiddlewares,
    ...adminAffiliateRoutesMiddlewares,
    ...adminAffiliateConnectionRoutesMiddlewares,
    ...adminAffiliateCommissionRoutesMiddlewares,
    ...adminAffiliateSettingsRoutesMiddlewares,
    ...adminAffiliateSyncRunRoutesMiddlewares,
    ...adminAffiliateReportRoutesMiddlewares,
    ...storeAffiliateRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...storeAffiliateVisitRoutesMiddlewares,
    ...authRoutesMiddlewares,
    ...shortLinkRoutesMiddlewares,
  ],
})
