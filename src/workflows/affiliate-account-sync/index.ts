export * from "./workflows/sync-affiliate-accounts"
export * from "./workflows/start-affiliate-sync-run"
export * from "./process-affiliate-sync-run"
export * from "./steps/plan-affiliate-accounts-sync"
