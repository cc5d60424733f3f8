import { AuthWorkflowEvents, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { checkEmail } from "../../../modules/affiliate/utils/email"
import { tokenDigest } from "../../../modules/affiliate/utils/login-invite"
import { emailContent } from "./email-content"
import { defineAffiliateNotice } from "./types"
import { tokenLink } from "../../../modules/affiliate/utils/links"

const payloadSchema = z.object({ token: z.string().min(1) })

/**
 * To the email of an affiliate login that asked to reset its password
 * (`POST /auth/affiliate/emailpass/reset-password`): Medusa's reset token,
 * for `POST /auth/affiliate/emailpass/update`. Given the login's email (the
 * event's `entity_id`); none when no such login exists. Every request is its
 * own message: a newer token voids the older ones.
 */
export const passwordResetNotice = defineAffiliateNotice({
  id: "password_reset",
  optionKey: "passwordReset",
  defaultTemplate: "affiliate-password-reset",
  event: AuthWorkflowEvents.PASSWORD_RESET,
  resourceType: "auth_identity",
  buildMessages: async ({ container, service, links }, entityId, payload) => {
    const { token } = payloadSchema.parse(payload)
    const [login] = await container
      .resolve(Modules.AUTH)
      .listProviderIdentities(
        { provider: "emailpass", entity_id: entityId },
        { select: ["auth_identity_id"], take: 1 }
      )
    // Medusa registers any text as an email: only a real address gets mail.
    const checked = checkEmail(entityId)
    if (!login?.auth_identity_id || !checked.valid) {
      return []
    }
    const resetUrl = tokenLink("reset_password", links, token, entityId)
    return [
      {
        to: entityId,
        receiver_id: login.auth_identity_id,
        resource_id: login.auth_identity_id,
        key: tokenDigest(token),
        data: { email: entityId, token, reset_url: resetUrl },
        content: emailContent("Reset your affiliate password", [
          "Someone asked to reset the password of your affiliate login. If it was you, choose a new password " +
            "within 15 minutes; if not, ignore this email and nothing changes.",
          resetUrl ? { link: resetUrl, label: "Choose a new password" } : `Your reset code: ${token}`,
        ]),
      },
    ]
  },
})
