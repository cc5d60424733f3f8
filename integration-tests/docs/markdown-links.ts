import fs from "fs"
import path from "path"

export type BrokenLink = { file: string; target: string; reason: string }

const FENCE = /^\s*(```|~~~)/
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/
const HTML_ANCHOR = /<a\s+(?:name|id)="([^"]+)"/g
// A scheme (https:, mailto:) or a protocol-relative address: not a file in this repository.
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i

/** The lines outside fenced code blocks, so a link or heading shown as code is not taken for one. */
function proseLines(markdown: string): string[] {
  let inFence = false
  return markdown.split("\n").filter((line) => {
    if (FENCE.test(line)) {
      inFence = !inFence
      return false
    }
    return !inFence
  })
}

/** GitHub's heading anchor: the rendered text lower-cased, punctuation dropped, spaces turned into hyphens. */
export function githubSlug(headingText: string): string {
  const rendered = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .replace(/\*/g, "")
    .replace(/<[^>]+>/g, "")
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-")
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats numbered as GitHub does) and HTML anchors. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const line of proseLines(markdown)) {
    const heading = HEADING.exec(line)
    if (heading) {
      const slug = githubSlug(heading[1])
      const repeats = seen.get(slug) ?? 0
      seen.set(slug, repeats + 1)
      anchors.add(repeats ? `${slug}-${repeats}` : slug)
    }
    for (const match of line.matchAll(HTML_ANCHOR)) {
      anchors.add(match[1])
    }
  }
  return anchors
}

/** The link targets of a Markdown file, outside code; link text may run over several lines. */
export function linkTargets(markdown: string): string[] {
  const prose = proseLines(markdown)
    .join("\n")
    .replace(/`[^`\n]*`/g, "")
  return [
    ...Array.from(prose.matchAll(INLINE_LINK), (m) => m[1]),
    ...Array.from(prose.matchAll(REFERENCE_DEFINITION), (m) => m[1]),
  ]
}

/** The relative links of `file` whose file, or `#anchor` in it, does not exist. */
export function brokenLinks(file: string): BrokenLink[] {
  const markdown = fs.readFileSync(file, "utf8")
  const broken: BrokenLink[] = []
  for (const target of linkTargets(markdown)) {
    if (EXTERNAL.test(target)) {
      continue
    }
    const [rawPath, anchor] = target.split("#", 2)
    const linked = rawPath ? path.resolve(path.dirname(file), decodeURIComponent(rawPath)) : file
    if (!fs.existsSync(linked)) {
      broken.push({ file, target, reason: "no such file" })
    } else if (anchor !== undefined && anchor !== "") {
      const isMarkdown = linked.endsWith(".md") && fs.statSync(linked).isFile()
      if (!isMarkdown || !anchorsOf(fs.readFileSync(linked, "utf8")).has(decodeURIComponent(anchor))) {
        broken.push({ file, target, reason: "no such anchor" })
      }
    }
  }
  return broken
}

/** The Markdown files under `dir`, at any depth. */
export function markdownFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return markdownFilesUnder(full)
    }
    return entry.name.endsWith(".md") ? [full] : []
  })
}
