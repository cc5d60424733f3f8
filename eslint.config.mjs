import medusa from "@medusajs/eslint-plugin"

export default [
  { ignores: ["node_modules/", ".medusa/", ".data/", "artifacts/", "src/modules/*/migrations/", "jest.config.js"] },
  ...medusa.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-console": "error" },
  },
]
