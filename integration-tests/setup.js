const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each test file boots its own app; model metadata must not leak between them.
MetadataStorage.clear()
