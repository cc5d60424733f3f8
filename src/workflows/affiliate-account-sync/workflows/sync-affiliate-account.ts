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
  setAuthAppMetadataStep,
} from "@medusajs/medusa/core-flows"
import { addCustomerToGroupsStep } from "../steps/add-customer-to-groups"
import { createEmailpassIdentityStep } from "../steps/create-emailpass-identity"
import { ensureCustomerGroupsStep } from "../steps/ensure-customer-groups"
import { inviteAffiliateCustomerStep } from "../steps/invite-affiliate-customer"
import { linkAffiliateCustomerStep } from "../steps/link-affiliate-customer"
import {
  type AccountSyncPlan,
  planAffiliateAccountSyncStep,
} from "../steps/plan-affiliate-account-sync"
import { upgradeGuestCustomerStep } from "../steps/upgrade-guest-customer"

export type SyncAffiliateAccountWorkflowInput = {
  affiliate_id: string
  /** Names of the customer groups the affiliate's customer joins. */
  tags: string[]
}

/** What syncing did, as the run's counters count it. */
export type SyncAffiliateAccountResult = {
  affiliate_id: string
  outcome: "created" | "linked" | "unchanged" | "skipped"
  customer_id: string | null
  /** Group memberships added. */
  tagged: number
  invited: boolean
  skip_reason: string | null
}

export const syncAffiliateAccountWorkflowId = "sync-affiliate-account"

/**
 * Makes an approved affiliate a store customer, without ever duplicating one:
 * links the registered customer with their email; else upgrades a guest
 * customer with it, or creates the customer account. The account logs in with
 * the affiliate's own email/password identity; an affiliate without one (made
 * by an admin) gets an identity and an invitation to set a password. Then the
 * customer joins the tag groups. Every step undoes itself if a later one fails.
 */
export const syncAffiliateAccountWorkflow = createWorkflow(
  syncAffiliateAccountWorkflowId,
  (input: WorkflowData<SyncAffiliateAccountWorkflowInput>) => {
    // The approval subscriber and a full run may sync one affiliate at once:
    // the second waits and then finds the account made.
    const lockKey = transform({ input }, ({ input }) => `affiliate-account-sync:${input.affiliate_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const plan = planAffiliateAccountSyncStep({ affiliate_id: input.affiliate_id })

    const createdIdentityId = when({ plan }, ({ plan }) => plan.create_identity).then(() =>
      createEmailpassIdentityStep({ email: plan.email })
    )

    const createdCustomers = when({ plan }, ({ plan }) => plan.action === "create").then(
      () =>
        createCustomersWorkflow.runAsStep({
          input: {
            customersData: transform({ plan }, ({ plan }) => [
              {
                email: plan.email,
                first_name: plan.first_name,
                last_name: plan.last_name,
                has_account: true,
                metadata: { affiliate_id: plan.affiliate_id },
              },
            ]),
          },
        })
    )

    when({ plan }, ({ plan }) => plan.action === "upgrade_guest").then(() => {
      upgradeGuestCustomerStep({ customer_id: plan.customer_id as string })
    })

    // Used only on the branches where the affiliate has a customer account.
    const customerId = transform(
      { plan, createdCustomers },
      ({ plan, createdCustomers }) => plan.customer_id ?? createdCustomers?.[0]?.id ?? ""
    )

    when({ plan }, ({ plan }) => plan.attach_identity).then(() => {
      setAuthAppMetadataStep({
        authIdentityId: transform(
          { plan, createdIdentityId },
          ({ plan, createdIdentityId }) => (plan.auth_identity_id ?? createdIdentityId)!
        ),
        actorType: "customer",
        value: customerId,
      })
    })

    const tagged = when({ plan }, ({ plan }) => plan.action !== "skip").then(() => {
      linkAffiliateCustomerStep({
        affiliate_id: plan.affiliate_id,
        customer_id: customerId,
      })
      const groupIds = ensureCustomerGroupsStep({ names: input.tags })
      return addCustomerToGroupsStep({
        customer_id: customerId,
        group_ids: groupIds,
      })
    })

    releaseLockStep({ key: lockKey })

    when({ plan }, ({ plan }) => plan.create_identity).then(() => {
      inviteAffiliateCustomerStep({ email: plan.email })
    })

    return new WorkflowResponse(
      transform(
        { plan, customerId, tagged },
        ({ plan, customerId, tagged }): SyncAffiliateAccountResult => ({
          affiliate_id: plan.affiliate_id,
          outcome: outcomeOf(plan),
          customer_id: plan.action === "skip" ? null : customerId,
          tagged: tagged ?? 0,
          invited: plan.create_identity,
          skip_reason: plan.skip_reason,
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
    case "upgrade_guest":
      return "linked"
    case "none":
      return "unchanged"
    default:
      return "skipped"
  }
}
