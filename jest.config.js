const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const suites = {
  modules: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s", "<rootDir>/integration-tests/docs/**/*.spec.[jt]s"],
  http: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
  production: ["<rootDir>/integration-tests/production/**/*.spec.[jt]s"],
  install: ["<rootDir>/integration-tests/install/**/*.spec.[jt]s"],
}

const testType = process.env.TEST_TYPE
if (testType && !suites[testType]) {
  throw new Error(
    `Unknown TEST_TYPE "${testType}": use one of ${Object.keys(suites).join(", ")}`
  )
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  testMatch: testType ? suites[testType] : [...suites.modules, ...suites.http],
  // Installing from git downloads and builds everything again: only when asked.
  testPathIgnorePatterns: [
    "/node_modules/",
    ...(process.env.INSTALL_FROM_GIT === "true" ? [] : ["<rootDir>/integration-tests/install/from-git"]),
  ],
  // These suites share one app, started once for all of them.
  ...((testType === "browser" || testType === "production") && {
    globalSetup: `<rootDir>/integration-tests/${testType}/global-setup.js`,
    globalTeardown: `<rootDir>/integration-tests/${testType}/global-teardown.js`,
  }),
}
