import type { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"

/**
 * The API's messages are written for API clients: they start with the field
 * they are about ("customer_id: …") and name request options ("send replace:
 * true"). A store owner sees neither in the admin: the field prefix goes, and
 * options are named by the control that sets them.
 */
const FIELD_PREFIX = /^[a-z_]+(\.[a-z_0-9]+)*: /

const IN_UI_WORDS: [RegExp, string][] = [
  [/; send replace: true to move them$/, ". Tick “Replace the current affiliate” to move them."],
  [/^the customer is already connected/, "This customer is already connected"],
  [/turn on account_sync\.enabled in the affiliate settings/, "turn on Account sync in the settings"],
  // A reassignment to an affiliate who already has a commission on the order.
  [
    /^Affiliate (.+) already has commission \S+ \((\w+)\) on order \S+$/,
    "$1 already has a $2 commission on this order",
  ],
  [
    /^(\S+) already belongs to affiliate (.+)$/,
    "$1 already belongs to affiliate $2. Remove it from their Coupons first to give it to someone else.",
  ],
]

export const serverErrorMessage = (error: FetchError) => {
  const message = IN_UI_WORDS.reduce(
    (text, [pattern, words]) => text.replace(pattern, words),
    error.message.replace(FIELD_PREFIX, "")
  )
  // A message that started with a field now starts lower-case.
  return message.charAt(0).toUpperCase() + message.slice(1)
}

export const toastServerError = (error: FetchError) => {
  toast.error(serverErrorMessage(error))
}
