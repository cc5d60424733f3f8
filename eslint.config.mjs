import medusa from "@medusajs/eslint-plugin"

export default [
  { ignores: ["node_modules/", ".medusa/", ".data/", "artifacts/", "src/modules/*/migrations/", "jest.config.js"] },
  ...medusa.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-console": "error" },
  },
  {
    // Benchmarks are command-line tools: their errors never reach an HTTP client.
    files: ["bench/**/*.{js,ts}"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
]
