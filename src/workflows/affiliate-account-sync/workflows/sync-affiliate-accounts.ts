import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createCustomersWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { addCustomersToGroupsStep } from "../steps/add-customers-to-groups"
import { attachIdentitiesToCustomersStep } from "../steps/attach-identities-to-customers"
import { createEmailpassIdentitiesStep } from "../steps/create-emailpass-identities"
import { ensureCustomerGroupsStep } from "../steps/ensure-customer-groups"
import { inviteAffiliateCustomersStep } from "../steps/invite-affiliate-customers"
import { linkAffiliateCustomersStep } from "../steps/link-affiliate-customers"
import {
  ACCOUNT_SYNC_CREATOR,
  type AccountSyncPlan,
  planAffiliateAccountsSyncStep,
} from "../steps/plan-affiliate-accounts-sync"

export type SyncAffiliateAccountsWorkflowInput = {
  affiliate_ids: string[]
  /** Names of the customer groups the affiliates' customers join. */
  tags: string[]
  /**
   * The ids of those groups, when the caller resolved them already (a full
   * run does, once for all its batches); else they are found or created here.
   */
  group_ids?: string[]
  /**
   * How long the affiliates' locks outlive a process that dies mid-batch: a
   * full run passes its lease, so the run resumed after it can take them.
   */
  lock_ttl_seconds?: number
}

/** What syncing did for one affiliate, as the run's counters count it. */
export type SyncAffiliateAccountResult = {
  affiliate_id: string
  outcome: "created" | "linked" | "unchanged" | "skipped"
  customer_id: string | null
  /** Group memberships added. */
  tagged: number
  invited: boolean
  skip_reason: string | null
}

export const syncAffiliateAccountsWorkflowId = "sync-affiliate-accounts"

/** Outside a run (an approval, the admin's Sync button) the locks outlive a crash by a minute. */
const DEFAULT_LOCK_TTL_SECONDS = 60

/**
 * Makes approved affiliates store customers on their own login: links the
 * customer account their login already has, or creates one on it. An
 * affiliate without a login (made by an admin) gets one, with an invitation
 * to the affiliate's email to set its password. No existing customer record
 * is given to a login that does not already own it (see the plan step). Then
 * the customers join the tag groups.
 *
 * A batch is planned and written with a fixed number of queries (a full run
 * passes 100 affiliates at a time); it succeeds or fails as a whole, every
 * step undoing itself, so the caller can retry affiliates one by one.
 */
export const syncAffiliateAccountsWorkflow = createWorkflow(
  syncAffiliateAccountsWorkflowId,
  (input: WorkflowData<SyncAffiliateAccountsWorkflowInput>) => {
    // The approval subscriber and a full run may sync one affiliate at once:
    // the second waits and then finds the account made.
    const lockKeys = transform({ input }, ({ input }) =>
      input.affiliate_ids.map((id) => `affiliate-account-sync:${id}`)
    )
    const lockTtl = transform({ input }, ({ input }) => input.lock_ttl_seconds ?? DEFAULT_LOCK_TTL_SECONDS)
    acquireLockStep({ key: lockKeys, timeout: 30, ttl: lockTtl })
    const plans = planAffiliateAccountsSyncStep({ affiliate_ids: input.affiliate_ids })

    const work = transform({ plans }, ({ plans }) => ({
      newLogins: plans
        .filter((plan) => plan.create_identity)
        .map((plan) => ({ email: plan.email, affiliate_id: plan.affiliate_id })),
      customersToCreate: plans
        .filter((plan) => plan.action === "create")
        .map((plan) => ({
          email: plan.email,
          first_name: plan.first_name,
          last_name: plan.last_name,
          has_account: true,
          created_by: ACCOUNT_SYNC_CREATOR,
          metadata: { affiliate_id: plan.affiliate_id },
        })),
    }))

    const newIdentityIds = createEmailpassIdentitiesStep({ logins: work.newLogins })
    const createdCustomers = when({ work }, ({ work }) => work.customersToCreate.length > 0).then(
      () => createCustomersWorkflow.runAsStep({ input: { customersData: work.customersToCreate } })
    )

    const accounts = transform(
      { plans, createdCustomers, newIdentityIds },
      ({ plans, createdCustomers, newIdentityIds }) => {
        const createdByEmail = new Map(
          (createdCustomers ?? []).map((customer) => [customer.email, customer.id])
        )
        const customerIdOf = (plan: AccountSyncPlan) =>
          plan.customer_id ?? createdByEmail.get(plan.email)!
        const loginOf = (plan: AccountSyncPlan) => plan.auth_identity_id ?? newIdentityIds[plan.email]
        const synced = plans.filter((plan) => plan.action !== "skip")
        return {
          customerIdByAffiliate: Object.fromEntries(
            synced.map((plan) => [plan.affiliate_id, customerIdOf(plan)])
          ),
          attachments: synced
            .filter((plan) => plan.attach_identity)
            .map((plan) => ({
              auth_identity_id: loginOf(plan),
              customer_id: customerIdOf(plan),
            })),
          links: synced.map((plan) => ({
            affiliate_id: plan.affiliate_id,
            customer_id: customerIdOf(plan),
            auth_identity_id: loginOf(plan) ?? plan.previous_auth_identity_id,
            previous_customer_id: plan.previous_customer_id,
            previous_auth_identity_id: plan.previous_auth_identity_id,
          })),
          invites: plans
            .filter((plan) => plan.invite)
            .map((plan) => ({
              email: plan.email,
              affiliate_id: plan.affiliate_id,
              auth_identity_id: loginOf(plan),
            })),
          customerIds: [...new Set(synced.map(customerIdOf))],
          newCustomerIds: [...createdByEmail.values()],
        }
      }
    )
    attachIdentitiesToCustomersStep({ attachments: accounts.attachments })
    linkAffiliateCustomersStep({ links: accounts.links })

    const ensuredGroupIds = when(
      { input, accounts },
      ({ input, accounts }) => accounts.customerIds.length > 0 && !input.group_ids
    ).then(() => ensureCustomerGroupsStep({ names: input.tags }))
    const groupIds = transform(
      { input, ensuredGroupIds },
      ({ input, ensuredGroupIds }) => input.group_ids ?? ensuredGroupIds ?? []
    )
    const tagged = when({ accounts }, ({ accounts }) => accounts.customerIds.length > 0).then(
      () =>
        addCustomersToGroupsStep({
          customer_ids: accounts.customerIds,
          group_ids: groupIds,
          new_customer_ids: accounts.newCustomerIds,
        })
    )

    releaseLockStep({ key: lockKeys })
    inviteAffiliateCustomersStep({ invites: accounts.invites })

    return new WorkflowResponse(
      transform({ plans, accounts, tagged }, ({ plans, accounts, tagged }) =>
        plans.map((plan): SyncAffiliateAccountResult => {
          const customerId = accounts.customerIdByAffiliate[plan.affiliate_id] ?? null
          return {
            affiliate_id: plan.affiliate_id,
            outcome: outcomeOf(plan),
            customer_id: customerId,
            tagged: (customerId && tagged?.[customerId]) || 0,
            invited: plan.invite,
            skip_reason: plan.skip_reason,
          }
        })
      )
    )
  }
)

function outcomeOf(plan: AccountSyncPlan): SyncAffiliateAccountResult["outcome"] {
  switch (plan.action) {
    case "create":
      return "created"
    case "link":
      return "linked"
    case "none":
      return "unchanged"
    default:
      return "skipped"
  }
}
