/**
 * The plugin's default emails: a subject and a plain body, passed to the
 * store's notification provider as the notification's `content`, so a
 * provider that sends content (rather than its own templates) sends a
 * readable email. Every value is escaped where it lands: names and emails
 * come from strangers.
 */
export type EmailContent = { subject: string; html: string; text: string }

/** A paragraph of text, or a link shown as a button (http and https only). */
export type EmailBlock = string | { link: string | null; label: string }

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])

const isWebLink = (link: string) => /^https?:\/\//i.test(link)

/** An amount in major units as a shopper reads it: "€12.50". */
export function formatEmailMoney(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

/** The subject on one line, however the values it holds were written. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim().slice(0, 250)

/** An email of paragraphs and links: the same words as HTML and as text. */
export function emailContent(subject: string, blocks: (EmailBlock | null | false)[]): EmailContent {
  const parts = blocks.filter((block): block is EmailBlock => !!block)
  const html = parts
    .map((block) => {
      if (typeof block === "string") {
        return `<p>${escapeHtml(block)}</p>`
      }
      if (!block.link || !isWebLink(block.link)) {
        return ""
      }
      return (
        `<p><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:10px 16px;` +
        `background:#111827;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(block.label)}</a></p>`
      )
    })
    .join("\n")
  const text = parts
    .map((block) => (typeof block === "string" ? block : block.link && isWebLink(block.link) ? `${block.label}: ${block.link}` : ""))
    .filter(Boolean)
    .join("\n\n")
  return {
    subject: oneLine(subject),
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">\n${html}\n</body></html>`,
    text,
  }
}
