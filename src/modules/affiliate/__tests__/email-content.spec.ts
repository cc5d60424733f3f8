import {
  emailContent,
  formatEmailMoney,
} from "../../../workflows/affiliate-notification/notices/email-content"

describe("the plugin's default emails", () => {
  it("escapes every value in the HTML, and keeps the subject on one line", () => {
    const content = emailContent("New sign-up:\nAda <script>", [
      `Hi <img src=x onerror=alert(1)> & "friends",`,
      { link: `https://shop.test/claim?token=a"b&c=<d>`, label: "Set <up>" },
    ])
    expect(content.subject).toBe("New sign-up: Ada <script>")
    expect(content.html).toContain("<p>Hi &lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;,</p>")
    expect(content.html).toContain('href="https://shop.test/claim?token=a&quot;b&amp;c=&lt;d&gt;"')
    expect(content.html).toContain(">Set &lt;up&gt;</a>")
    expect(content.text).toBe(
      `Hi <img src=x onerror=alert(1)> & "friends",\n\nSet <up>: https://shop.test/claim?token=a"b&c=<d>`
    )
  })

  it("links only to web addresses, and leaves out a missing link", () => {
    const content = emailContent("Subject", ["Text", { link: "javascript:alert(1)", label: "Go" }, { link: null, label: "None" }])
    expect(content.html).not.toContain("<a ")
    expect(content.text).toBe("Text")
  })

  it("writes money as a reader expects, in the currency's decimals", () => {
    expect(formatEmailMoney(12.5, "eur")).toBe("€12.50")
    expect(formatEmailMoney(400, "jpy")).toBe("¥400")
  })
})
