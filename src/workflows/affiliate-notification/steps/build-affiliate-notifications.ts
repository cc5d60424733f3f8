import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import type { AffiliateNotificationOptions } from "../../../modules/affiliate/options"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { canSendEmail, EMAIL_CHANNEL, plainText } from "../../utils/email-notifications"

/** What happened, as the plugin tells people about it. */
export type AffiliateNotice =
  | "affiliate_approved"
  | "commission_earned"
  | "commission_paid"
  | "payout_paid"
  | "affiliate_signed_up"

export type BuildAffiliateNotificationsStepInput = {
  notice: AffiliateNotice
  /** The affiliate's id, the commission's for the commission notices, the payout's for `payout_paid`. */
  id: string
}

export const buildAffiliateNotificationsStepId = "build-affiliate-notifications"

/** At most this many admin users get the sign-up notice when no owner email is set. */
const MAX_ADMIN_RECIPIENTS = 50

/** The receiver of the sign-up notice sent to the `storeOwnerEmail` option. */
const STORE_OWNER = "store_owner"

const TEMPLATE_OPTION = {
  affiliate_approved: "affiliateApproved",
  commission_earned: "commissionEarned",
  commission_paid: "commissionPaid",
  payout_paid: "payoutPaid",
  affiliate_signed_up: "affiliateSignedUp",
} as const satisfies Record<AffiliateNotice, keyof AffiliateNotificationOptions>

const TRIGGER = {
  affiliate_approved: AffiliateEvents.APPROVED,
  commission_earned: AffiliateEvents.COMMISSION_CREATED,
  commission_paid: AffiliateEvents.COMMISSION_UPDATED,
  payout_paid: AffiliateEvents.PAYOUT_PAID,
  affiliate_signed_up: AffiliateEvents.SIGNED_UP,
} as const satisfies Record<AffiliateNotice, string>

const RESOURCE_TYPE = {
  affiliate_approved: "affiliate",
  commission_earned: "affiliate_commission",
  commission_paid: "affiliate_commission",
  payout_paid: "affiliate_payout",
  affiliate_signed_up: "affiliate",
} as const satisfies Record<AffiliateNotice, string>

/** `receiver_id` names the recipient in the idempotency key: an email may change between deliveries. */
type Notice = { to: string; receiver_id: string; data: Record<string, unknown> }

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
    const service: AffiliateModuleService = container.resolve(AFFILIATE_MODULE)
    const options = await service.retrieveNotificationOptions()
    const template = options[TEMPLATE_OPTION[input.notice]]
    if (template === false || !canSendEmail(container)) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    const notices = await readNotices(container, service, options, input)
    const resourceType = RESOURCE_TYPE[input.notice]
    return new StepResponse(
      notices.map(
        (notice): CreateNotificationDTO => ({
          to: notice.to,
          receiver_id: notice.receiver_id,
          channel: EMAIL_CHANNEL,
          template,
          data: notice.data,
          trigger_type: TRIGGER[input.notice],
          resource_id: input.id,
          resource_type: resourceType,
          idempotency_key: `affiliate-notice:${input.notice}:${input.id}:${notice.receiver_id}`,
        })
      )
    )
  }
)

async function readNotices(
  container: MedusaContainer,
  service: AffiliateModuleService,
  options: AffiliateNotificationOptions,
  input: BuildAffiliateNotificationsStepInput
): Promise<Notice[]> {
  switch (input.notice) {
    case "affiliate_approved":
      return approvedNotice(service, input.id)
    case "affiliate_signed_up":
      return signedUpNotices(container, service, options, input.id)
    case "payout_paid":
      return payoutPaidNotice(service, input.id)
    default:
      return commissionNotice(service, input.notice, input.id)
  }
}

async function findAffiliate(service: AffiliateModuleService, id: string) {
  const [affiliate] = await service.listAffiliates(
    { id },
    { select: ["id", "name", "email", "code", "status"], take: 1 }
  )
  return affiliate
}

function affiliateData(affiliate: { id: string; name: string; code: string }) {
  return { id: affiliate.id, name: plainText(affiliate.name), code: affiliate.code }
}

async function approvedNotice(service: AffiliateModuleService, id: string): Promise<Notice[]> {
  const affiliate = await findAffiliate(service, id)
  // Blocked again (or deleted) before the event was handled: the news is stale.
  if (affiliate?.status !== "approved") {
    return []
  }
  return [
    {
      to: affiliate.email,
      receiver_id: affiliate.id,
      data: {
        affiliate: affiliateData(affiliate),
        referral_link: await service.buildReferralLink(affiliate.code),
        referral_query: `ref=${affiliate.code}`,
      },
    },
  ]
}

async function signedUpNotices(
  container: MedusaContainer,
  service: AffiliateModuleService,
  options: AffiliateNotificationOptions,
  id: string
): Promise<Notice[]> {
  const affiliate = await findAffiliate(service, id)
  if (!affiliate) {
    return []
  }
  const data = {
    affiliate: {
      ...affiliateData(affiliate),
      email: affiliate.email,
      status: affiliate.status,
    },
  }
  if (options.storeOwnerEmail) {
    return [{ to: options.storeOwnerEmail, receiver_id: STORE_OWNER, data }]
  }
  const users = await container
    .resolve(Modules.USER)
    .listUsers({}, { select: ["id", "email"], take: MAX_ADMIN_RECIPIENTS, order: { created_at: "ASC" } })
  return users.map((user) => ({ to: user.email, receiver_id: user.id, data }))
}

async function payoutPaidNotice(service: AffiliateModuleService, id: string): Promise<Notice[]> {
  const [payout] = await service.listAffiliatePayouts(
    { id },
    {
      select: ["id", "affiliate_id", "currency_code", "amount", "status", "paid_at", "provider_reference"],
      take: 1,
    }
  )
  if (payout?.status !== "paid") {
    return []
  }
  const affiliate = await findAffiliate(service, payout.affiliate_id)
  if (!affiliate) {
    return []
  }
  return [
    {
      to: affiliate.email,
      receiver_id: affiliate.id,
      data: {
        affiliate: affiliateData(affiliate),
        payout: {
          id: payout.id,
          currency_code: payout.currency_code,
          amount: Number(payout.amount),
          paid_at: payout.paid_at,
          provider_reference: payout.provider_reference,
        },
      },
    },
  ]
}

async function commissionNotice(
  service: AffiliateModuleService,
  notice: "commission_earned" | "commission_paid",
  id: string
): Promise<Notice[]> {
  const [commission] = await service.listAffiliateCommissions(
    { id },
    {
      select: [
        "id",
        "affiliate_id",
        "order_id",
        "currency_code",
        "base_amount",
        "rate",
        "amount",
        "attribution",
        "status",
      ],
      relations: ["adjustments"],
      take: 1,
    }
  )
  const wanted =
    notice === "commission_paid"
      ? commission?.status === "paid"
      : !!commission && commission.status !== "rejected" && MathBN.gt(commission.amount, 0)
  if (!wanted) {
    return []
  }
  const affiliate = await findAffiliate(service, commission.affiliate_id)
  if (!affiliate) {
    return []
  }
  const adjustments = commission.adjustments ?? []
  return [
    {
      to: affiliate.email,
      receiver_id: affiliate.id,
      data: {
        affiliate: affiliateData(affiliate),
        commission: {
          id: commission.id,
          order_id: commission.order_id,
          currency_code: commission.currency_code,
          base_amount: Number(commission.base_amount),
          rate: Number(commission.rate),
          amount: Number(commission.amount),
          net_amount: MathBN.add(
            commission.amount,
            ...adjustments.map((adjustment) => adjustment.amount)
          ).toNumber(),
          attribution: commission.attribution,
          status: commission.status,
        },
      },
    },
  ]
}
