import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { findVisitedAffiliateStep } from "../steps/find-visited-affiliate"
import { recordAffiliateVisitStep } from "../steps/record-affiliate-visit"

export type RecordAffiliateVisitWorkflowInput = {
  code: string
  /** A keyed hash of the client's address and User-Agent: the address never enters the workflow. */
  visitor_key: string
  /** Told by the User-Agent: a bot's click is checked and answered, never recorded. */
  is_bot: boolean
  landing_url: string | null
  referrer_host: string | null
  sub_id: string | null
}

export const recordAffiliateVisitWorkflowId = "record-affiliate-visit"

/**
 * Records a click on an approved affiliate's link (unknown, pending and
 * blocked codes are refused alike, nothing recorded). Returns the visit, or
 * null for a bot's click.
 */
export const recordAffiliateVisitWorkflow = createWorkflow(
  recordAffiliateVisitWorkflowId,
  (input: WorkflowData<RecordAffiliateVisitWorkflowInput>) => {
    const referral = findVisitedAffiliateStep({ code: input.code })
    const visit = when("visitor-is-not-a-bot", { input }, ({ input }) => !input.is_bot).then(() =>
      recordAffiliateVisitStep(
        transform({ input, referral }, ({ input, referral }) => ({
          affiliate_id: referral.affiliate_id,
          visitor_key: input.visitor_key,
          landing_url: input.landing_url,
          referrer_host: input.referrer_host,
          sub_id: input.sub_id,
        }))
      )
    )
    return new WorkflowResponse(
      transform({ visit, referral }, ({ visit, referral }) => (visit ? { ...visit, code: referral.code } : null))
    )
  }
)
