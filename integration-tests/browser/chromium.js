// Where Chromium is: CHROMIUM_PATH, else Debian's package.
const fs = require("fs")

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]
  return candidates.find((candidate) => candidate && fs.existsSync(candidate))
}

module.exports = { chromiumPath }
