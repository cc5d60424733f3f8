import type { AxiosInstance } from "axios"
import type { AdminHeaders } from "./admin"
import type { TestStore } from "./store"

export type SyncRun = {
  id: string
  status: string
  trigger: string
  tags: string[]
  total: number
  processed: number
  created: number
  linked: number
  tagged: number
  skipped: number
  failed: number
  errors: { affiliate_id: string; message: string }[]
}

/** Polls `read` until `done` holds (60 s at most: a shared CI machine can be many times slower than a laptop). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const value = await read()
    if (done(value)) {
      return value
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error("gave up waiting after 60 s")
}

/** The admin and store calls the account-sync tests make, as a store owner and shoppers would. */
export function accountSyncApi(api: AxiosInstance, admin: AdminHeaders, store: TestStore) {
  const storeBearer = (token: string) => ({
    headers: { ...store.storeHeaders().headers, authorization: `Bearer ${token}` },
  })
  return {
    storeBearer,
    waitForRun: (runId: string) =>
      until(
        async () =>
          (await api.get(`/admin/affiliate-sync-runs/${runId}`, admin)).data
            .affiliate_sync_run as SyncRun,
        (run) => run.status !== "running"
      ),
    waitForAccount: (affiliateId: string) =>
      until(
        async () => (await api.get(`/admin/affiliates/${affiliateId}`, admin)).data.affiliate,
        (affiliate) => !!affiliate.customer
      ),
    createAffiliate: async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliates", { status: "approved", ...body }, admin)).data.affiliate,
    customerLogin: (email: string, password: string) =>
      api.post("/auth/customer/emailpass", { email, password }),
    /** A shopper's own store account: an emailpass login and the customer on it. */
    registerCustomer: async (email: string, password: string, name = "Shopper") => {
      const token = (await api.post("/auth/customer/emailpass/register", { email, password })).data
        .token
      return (await api.post("/store/customers", { email, first_name: name }, storeBearer(token)))
        .data.customer as { id: string; email: string }
    },
    /** A store customer becomes an affiliate: logs in to the affiliate area with the same login, signs up. */
    signUpFromCustomerAccount: async (email: string, password: string, body: Record<string, unknown>) => {
      const token = (await api.post("/auth/affiliate/emailpass", { email, password })).data.token
      return (await api.post("/store/affiliates", body, storeBearer(token))).data.affiliate
    },
    /** Signs an affiliate up with a fresh affiliate login; returns the affiliate. */
    signUpAffiliate: async (email: string, password: string, body: Record<string, unknown>) => {
      const token = (await api.post("/auth/affiliate/emailpass/register", { email, password })).data
        .token
      return (await api.post("/store/affiliates", body, storeBearer(token))).data.affiliate
    },
  }
}
