import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { canSendOn, FEED_CHANNEL } from "../../utils/email-notifications"
import { ADMIN_FEED_ITEMS, type AdminFeedItemId } from "../admin-feed/items"

export type SendAdminFeedNotificationInput = { item: AdminFeedItemId; id: string }

export const buildAdminFeedNotificationStepId = "build-admin-feed-notification"

/**
 * The bell entry for one event, with an idempotency key of the item and the
 * entity (a redelivered event adds nothing); none without a feed provider
 * or when the news is stale. Read-only.
 */
export const buildAdminFeedNotificationStep = createStep(
  buildAdminFeedNotificationStepId,
  async (input: SendAdminFeedNotificationInput, { container }) => {
    if (!canSendOn(container, FEED_CHANNEL)) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    const item = ADMIN_FEED_ITEMS[input.item]
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const entry = await item.build(service, input.id)
    return new StepResponse(
      entry
        ? [
            {
              // Medusa's bell lists the feed whoever it is addressed to.
              to: "",
              channel: FEED_CHANNEL,
              template: "admin-ui",
              data: entry,
              trigger_type: item.event,
              resource_id: input.id,
              resource_type: item.resourceType,
              idempotency_key: `affiliate-feed:${input.item}:${input.id}`,
            } satisfies CreateNotificationDTO,
          ]
        : []
    )
  }
)
