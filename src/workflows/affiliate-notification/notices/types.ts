import type { MedusaContainer } from "@medusajs/framework/types"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { TokenPageUrls } from "../../../modules/affiliate/utils/links"
import type { EmailContent } from "./email-content"

/** `receiver_id` names the recipient in the idempotency key: an email may change between deliveries. */
export type NoticeMessage = {
  to: string
  receiver_id: string
  data: Record<string, unknown>
  /** The default email (subject and body), for a provider that sends content rather than its templates. */
  content: EmailContent
  /** What the message is about when not the id the notice was given (a reset's login). */
  resource_id?: string
  /** Tells apart messages about one entity that are each news (every invite, every reset request). */
  key?: string
}

/**
 * What a notice needs that the database does not hold: a token, which is
 * stored only as a hash or not at all. Each notice parses its own.
 */
export type NoticePayload = Record<string, unknown>

export type NoticeContext = {
  container: MedusaContainer
  service: AffiliateModuleService
  /** The `notifications.storeOwnerEmail` option. */
  storeOwnerEmail?: string
  /** The storefront's address and pages, for the links in emails (see utils/links). */
  links: TokenPageUrls
}

/** One notification the plugin sends: everything about it but the sending. */
export type AffiliateNoticeDefinition<Id extends string = string, OptionKey extends string = string> = {
  /** Names it in the workflow input and in idempotency keys. */
  id: Id
  /** Its template option, `notifications.<optionKey>`. */
  optionKey: OptionKey
  /** The template id when the option is not given. */
  defaultTemplate: string
  /** The event it answers: the notification's `trigger_type`. */
  event: string
  /** What the id it is given names: the notification's `resource_type`. */
  resourceType: string
  /**
   * Who gets it, with what data: none when the state it reports is not (or
   * no longer) true. Read-only.
   */
  buildMessages: (context: NoticeContext, id: string, payload: NoticePayload) => Promise<NoticeMessage[]>
}

/** Keeps the literal id and option key, from which the registry's types follow. */
export function defineAffiliateNotice<Id extends string, OptionKey extends string>(
  definition: AffiliateNoticeDefinition<Id, OptionKey>
): AffiliateNoticeDefinition<Id, OptionKey> {
  return definition
}
