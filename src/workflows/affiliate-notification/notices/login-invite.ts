import { z } from "@medusajs/framework/zod"
import { matchesLoginInvite, tokenDigest } from "../../../modules/affiliate/utils/login-invite"
import { affiliateData } from "./affiliate-data"
import { emailContent } from "./email-content"
import { defineAffiliateNotice } from "./types"
import { tokenLink } from "../../../modules/affiliate/utils/links"

const payloadSchema = z.object({ token: z.string().min(1) })

/** The invite's `trigger_type`: its workflow sends it, not an event. */
export const LOGIN_INVITE_TRIGGER = "affiliate.login_invite"

/**
 * To an affiliate without a login (an admin made them): the token that
 * claims a login for them, sent by the workflow that made it (its token is
 * stored only as a hash). An invite replaced, claimed or expired meanwhile is
 * not news.
 */
export const loginInviteNotice = defineAffiliateNotice({
  id: "login_invite",
  optionKey: "loginInvite",
  defaultTemplate: "affiliate-login-invite",
  event: LOGIN_INVITE_TRIGGER,
  resourceType: "affiliate",
  buildMessages: async ({ service, links }, id, payload) => {
    const { token } = payloadSchema.parse(payload)
    const [affiliate] = await service.listAffiliates(
      { id },
      {
        select: [
          "id",
          "name",
          "email",
          "code",
          "auth_identity_id",
          "login_invite_token_hash",
          "login_invite_expires_at",
        ],
        take: 1,
      }
    )
    const hash = affiliate?.login_invite_token_hash
    const expiresAt = affiliate?.login_invite_expires_at
    if (
      !affiliate ||
      affiliate.auth_identity_id ||
      !hash ||
      !expiresAt ||
      !matchesLoginInvite(hash, affiliate.email, token)
    ) {
      return []
    }
    const data = {
      affiliate: affiliateData(affiliate),
      email: affiliate.email,
      token,
      claim_url: tokenLink("claim_login", links, token, affiliate.email),
      expires_at: new Date(expiresAt).toISOString(),
    }
    return [
      {
        to: affiliate.email,
        receiver_id: affiliate.id,
        key: tokenDigest(token),
        data,
        content: emailContent("Set up your affiliate login", [
          `Hi ${data.affiliate.name},`,
          `You're an affiliate of the store with the code ${affiliate.code}. Set up your login to see your ` +
            `referrals, commissions and payouts. The invite works once, until ${data.expires_at.slice(0, 10)}.`,
          data.claim_url
            ? { link: data.claim_url, label: "Set up my login" }
            : `Your invite code: ${token}`,
        ]),
      },
    ]
  },
})
