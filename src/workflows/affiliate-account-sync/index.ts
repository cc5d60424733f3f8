export * from "./workflows/sync-affiliate-account"
export * from "./workflows/start-affiliate-sync-run"
export * from "./process-affiliate-sync-run"
export * from "./steps/plan-affiliate-account-sync"
