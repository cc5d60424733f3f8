import fs from "fs"
import os from "os"
import path from "path"
import { anchorsOf, brokenLinks, githubSlug, linkTargets, markdownFilesUnder } from "./markdown-links"

const root = path.resolve(__dirname, "..", "..")

const documents = [
  ...["README.md", "CONTRIBUTING.md", "CHANGELOG.md"].map((name) => path.join(root, name)),
  ...markdownFilesUnder(path.join(root, "docs")),
]

describe("links in the documentation", () => {
  it.each(documents.map((file) => [path.relative(root, file), file]))(
    "%s has no broken relative link or anchor",
    (_name, file) => {
      expect(brokenLinks(file).map(({ target, reason }) => `${target}: ${reason}`)).toEqual([])
    }
  )

  it("covers the README's links into docs/", () => {
    const targets = linkTargets(fs.readFileSync(path.join(root, "README.md"), "utf8"))
    expect(targets).toEqual(expect.arrayContaining(["docs/README.md", "CHANGELOG.md", "CONTRIBUTING.md"]))
  })
})

describe("the link checker", () => {
  let dir: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "links-"))
    fs.writeFileSync(
      path.join(dir, "target.md"),
      "# Upgrade, roll back, uninstall\n\n## An affiliate's `customers` at scale\n\n## Notes\n\n## Notes\n"
    )
  })

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const check = (markdown: string) => {
    const file = path.join(dir, "page.md")
    fs.writeFileSync(file, markdown)
    return brokenLinks(file).map(({ target, reason }) => `${target}: ${reason}`)
  }

  it("slugs headings as GitHub does", () => {
    expect(githubSlug("Upgrade, roll back, uninstall")).toBe("upgrade-roll-back-uninstall")
    expect(githubSlug("Checkout: what crediting costs")).toBe("checkout-what-crediting-costs")
    expect(githubSlug("An affiliate's `customers` at scale")).toBe("an-affiliates-customers-at-scale")
    expect(anchorsOf("## Notes\n\n## Notes\n")).toEqual(new Set(["notes", "notes-1"]))
  })

  it("accepts existing files and anchors, and leaves external links and code alone", () => {
    expect(
      check(
        [
          "[a](target.md) [b](target.md#upgrade-roll-back-uninstall) [c](./target.md#notes-1)",
          "[d across",
          "two lines](target.md#an-affiliates-customers-at-scale) [e](https://example.com/missing.md)",
          "`[f](missing.md)`",
          "```",
          "[g](missing.md)",
          "```",
        ].join("\n")
      )
    ).toEqual([])
  })

  it("reports a missing file, a missing anchor and a missing anchor in the same file", () => {
    expect(
      check("# Page\n\n[a](missing.md) [b](target.md#nowhere) [c](#page) [d](#nowhere)\n")
    ).toEqual(["missing.md: no such file", "target.md#nowhere: no such anchor", "#nowhere: no such anchor"])
  })
})
