export type ProcessMode = "server" | "worker" | "shared"

export type ProductionProcess = {
  name: string
  mode: ProcessMode
  port: number
  pid: number
  url: string
  logFile: string
}

export type Cluster = {
  serverUrl: string
  databaseUrl: string
  redisUrl: string
  admin: { email: string; password: string }
  /** The environment the Medusa processes run with (for `medusa exec`). */
  env: Record<string, string>
  processes: Record<string, ProductionProcess>
  /** A directory of the running suite's own, removed by the teardown. */
  dir: string
}

export function skipReason(): string | undefined
export function cluster(): Cluster
export function startProcess(name: string, mode: ProcessMode): Promise<ProductionProcess>
export function stopProcess(name: string, options?: { signal?: NodeJS.Signals }): Promise<void>
export function signalProcess(name: string, signal: NodeJS.Signals): void
export function restartProcess(
  name: string,
  options?: { signal?: NodeJS.Signals }
): Promise<ProductionProcess>
export function restartRedis(whileDown?: () => Promise<void>): Promise<void>
