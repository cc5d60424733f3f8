import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { canSendEmail, EMAIL_CHANNEL } from "../../utils/email-notifications"
import { type AffiliateNotice, getAffiliateNotice, type NoticePayload } from "../notices"

export type { AffiliateNotice } from "../notices"

export type BuildAffiliateNotificationsStepInput = {
  notice: AffiliateNotice
  /** The affiliate's id, the commission's for the commission notices, the payout's for `payout_paid`. */
  id: string
  /** What the notice cannot read from the database: the token of a login invite or a password reset. */
  payload?: NoticePayload
}

export const buildAffiliateNotificationsStepId = "build-affiliate-notifications"

/**
 * The notifications a notice sends: none when its template is `false`, the
 * store has no email provider, or the state it reports is not (or no longer)
 * true — a commission that is rejected, one whose `updated` event was not its
 * payment. Each has an idempotency key of the notice, the entity and the
 * recipient, so a redelivered event sends nothing new. Read-only.
 */
export const buildAffiliateNotificationsStep = createStep(
  buildAffiliateNotificationsStepId,
  async (input: BuildAffiliateNotificationsStepInput, { container }) => {
    const notice = getAffiliateNotice(input.notice)
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const { storefrontUrl, notifications: options } = await service.retrieveOptions()
    const template = options[notice.optionKey]
    if (template === false || !canSendEmail(container)) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    const messages = await notice.buildMessages(
      { container, service, storeOwnerEmail: options.storeOwnerEmail, links: { storefrontUrl, notifications: options } },
      input.id,
      input.payload ?? {}
    )
    return new StepResponse(
      messages.map((message): CreateNotificationDTO => {
        const resourceId = message.resource_id ?? input.id
        const key = message.key ? `:${message.key}` : ""
        return {
          to: message.to,
          receiver_id: message.receiver_id,
          channel: EMAIL_CHANNEL,
          template,
          data: message.data,
          content: message.content,
          trigger_type: notice.event,
          resource_id: resourceId,
          resource_type: notice.resourceType,
          idempotency_key: `affiliate-notice:${notice.id}:${resourceId}:${message.receiver_id}${key}`,
        }
      })
    )
  }
)
