import { Modules, NotificationStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_INVITE_TRIGGER } from "./create-account-invite-notifications"

export const findSentInvitesStepId = "find-sent-invites"

/**
 * The logins among `auth_identity_ids` whose invite went out (or is going
 * out). One that failed does not count: sending it again is a retry.
 */
export const findSentInvitesStep = createStep(
  findSentInvitesStepId,
  async (input: { auth_identity_ids: string[] }, { container }) => {
    const notifications = await container
      .resolve(Modules.NOTIFICATION)
      .listNotifications(
        { trigger_type: ACCOUNT_INVITE_TRIGGER, resource_id: input.auth_identity_ids },
        { select: ["resource_id", "status"] }
      )
    return new StepResponse(
      notifications
        .filter((notification) => notification.status !== NotificationStatus.FAILURE)
        .map((notification) => notification.resource_id!)
    )
  }
)
