import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** The channel the plugin's emails go out on. */
export const EMAIL_CHANNEL = "email"

/** The admin's notification bell: Medusa's dashboard lists this channel's notifications. */
export const FEED_CHANNEL = "feed"

// The parts of the Notification Module's declaration that decide whether it
// has an email provider: one configured for the channel, or Medusa Cloud's
// email (which it registers when cloud options are complete).
const notificationDeclarationSchema = z.object({
  disable: z.boolean().optional(),
  options: z
    .object({
      providers: z
        .array(
          z.object({ options: z.object({ channels: z.array(z.string()).optional() }).optional() })
        )
        .optional(),
      cloud: z
        .object({
          api_key: z.string().optional(),
          endpoint: z.string().optional(),
          environment_handle: z.string().optional(),
          sandbox_handle: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
})

const reportedMissingProvider = new Set<string>()

/**
 * Whether the store can send email through Medusa's Notification Module.
 * Asked before sending rather than learnt from a failure: the module records
 * a failed notification for every attempt without a provider. Says so once
 * per process, so a store without email is told why nothing goes out
 * without a log line per event.
 */
export function canSendEmail(container: MedusaContainer): boolean {
  return canSendOn(container, EMAIL_CHANNEL)
}

/** Whether the Notification Module has a provider for `channel` (Medusa Cloud's counts for email). */
export function canSendOn(container: MedusaContainer, channel: string): boolean {
  const { modules } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const declaration = notificationDeclarationSchema.safeParse(modules?.[Modules.NOTIFICATION])
  const options = declaration.success ? declaration.data.options : undefined
  const cloud = options?.cloud
  const available =
    declaration.success &&
    !declaration.data.disable &&
    container.hasRegistration(Modules.NOTIFICATION) &&
    (!!options?.providers?.some((provider) =>
      provider.options?.channels?.includes(channel)
    ) ||
      (channel === EMAIL_CHANNEL &&
        !!cloud?.api_key &&
        !!cloud.endpoint &&
        !!(cloud.environment_handle || cloud.sandbox_handle)))
  if (!available && !reportedMissingProvider.has(channel)) {
    reportedMissingProvider.add(channel)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Affiliate notifications are not sent: the Notification Module has no provider for the "${channel}" channel`
      )
  }
  return available
}

/**
 * Text from a stranger (a name) made safe to hand to an email template:
 * no control characters (a line break in a subject line would start a new
 * header in naive senders), at most `max` characters.
 */
export function plainText(value: string, max = 200): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, max)
}
