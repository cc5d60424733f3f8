import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import {
  type AffiliateNoticeOptionKey,
  affiliateNotices,
} from "../../workflows/affiliate-notification/notices"

/**
 * A notification's template id in the store's notification provider, or
 * `false` for none. Bounded: it is handed to the provider as it is.
 */
const template = (defaultId: string) =>
  z
    .union([z.string().trim().min(1).max(200), z.literal(false)], {
      error: "expected a template id (text of 1 to 200 characters) or false",
    })
    .default(defaultId)

type TemplateSchema = ReturnType<typeof template>

/** A storefront page an email links to (http or https only: it is a link in an email). */
const storefrontPage = z.url({ protocol: /^https?$/ }).max(2000).optional()

/**
 * The template option of each notification in the registry, with its default.
 * The cast restores the keys `fromEntries` forgets: the registry's option keys.
 */
const noticeTemplates = Object.fromEntries(
  affiliateNotices.map((notice) => [notice.optionKey, template(notice.defaultTemplate)])
) as Record<AffiliateNoticeOptionKey, TemplateSchema>

/** The emails the plugin sends through Medusa's Notification Module. */
const notificationsSchema = z
  .object({
    ...noticeTemplates,
    /**
     * To an affiliate account sync made a login for: the link to set its
     * password. With `false` sync uses Medusa's reset-password flow instead.
     * Sent by the sync workflows, not on an event, so not in the registry.
     */
    accountInvite: template("affiliate-account-invite"),
    /** Receives the sign-up notice; every admin user does when not set. */
    storeOwnerEmail: z.email().max(254).optional(),
    /**
     * The storefront page that sets the password; the invite links to it with
     * `token` and `email` added. Defaults to `<storefrontUrl>/reset-password`.
     */
    accountInviteUrl: storefrontPage,
    /**
     * Where an affiliate claims the login an admin invited them to; the
     * invite links to it with `token` and `email`. Defaults to
     * `<storefrontUrl>/affiliate/claim`.
     */
    loginInviteUrl: storefrontPage,
    /**
     * Where an affiliate sets a new password after "forgot password"; the
     * email links to it with `token` and `email`. Defaults to
     * `<storefrontUrl>/affiliate/reset-password`.
     */
    passwordResetUrl: storefrontPage,
  })
  .strict()
  // Parsed like a given `{}`, so each notification gets its default template.
  .prefault({})

/**
 * Per client address, on the store routes that take a referral code: failed
 * attempts (an unknown or blocked code, an unknown cart) are few, so guessing
 * is slow; any request counts toward a cap high enough for busy shared
 * addresses (an office, a mobile carrier).
 */
const rateLimitSchema = z
  .object({
    windowSeconds: z.number().int().min(1).max(24 * 60 * 60).default(60),
    maxFailedAttempts: z.number().int().min(1).default(20),
    maxRequests: z.number().int().min(1).default(600),
    /** Clients remembered at once (about 100 bytes each); the oldest are forgotten first. */
    maxClients: z.number().int().min(1).max(1_000_000).default(10_000),
  })
  .strict()
  .prefault({})

/** Options of the plugin, given in `medusa-config.ts` (plugins[].options). */
export const affiliateModuleOptionsSchema = z
  .object({
    /** Commission rate in percent when neither the settings nor the affiliate set one. */
    defaultCommissionRate: z.number().min(0).max(100).default(10),
    /** The storefront's address, for the referral links shown to affiliates. */
    storefrontUrl: z.url().optional(),
    notifications: notificationsSchema,
    rateLimit: rateLimitSchema,
    /**
     * How long an account-sync run's heartbeat (renewed after every batch of
     * 100) may be silent before the run counts as abandoned by its process
     * and another worker resumes it. Longer than a batch takes.
     */
    accountSyncLeaseSeconds: z.number().int().min(5).max(3600).default(60),
    /**
     * Days a click's details (landing page, referrer, sub_id, visitor key) are
     * kept; a daily job deletes older visits. Their daily counts stay.
     */
    visitRetentionDays: z.number().int().min(1).max(3650).default(180),
    /**
     * Payment providers for automatic payouts, as Medusa module providers:
     * `{ resolve, id, options? }`. `manual` is built in.
     */
    payoutProviders: z
      .array(
        z.object({
          resolve: z.string().min(1),
          id: z.string().regex(/^[a-z0-9_-]{1,50}$/, {
            error: "id must be 1 to 50 lower-case letters, digits, '-' or '_'",
          }).refine((id) => id !== "manual", { error: "id manual is built in" }),
          options: z.record(z.string(), z.unknown()).optional(),
        })
      )
      .default([]),
  })
  // Not strict: Medusa adds its own keys (such as `database`) to module options.
  .passthrough()

export type AffiliateModuleOptions = z.input<typeof affiliateModuleOptionsSchema>
export type ResolvedAffiliateModuleOptions = z.output<
  typeof affiliateModuleOptionsSchema
>
export type AffiliateNotificationOptions = ResolvedAffiliateModuleOptions["notifications"]
export type AffiliateRateLimitOptions = ResolvedAffiliateModuleOptions["rateLimit"]

/** Parses the options, throwing an error that names each bad option. */
export function resolveAffiliateModuleOptions(
  options: unknown
): ResolvedAffiliateModuleOptions {
  const result = affiliateModuleOptionsSchema.safeParse(options ?? {})
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues
    .map((issue) => `${issue.path.join(".") || "(options)"}: ${issue.message}`)
    .join("; ")
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Invalid options for the affiliate plugin: ${problems}`
  )
}
