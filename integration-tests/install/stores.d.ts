export type PreparedStore = {
  version: string
  /** The store's directory (package.json, medusa-config.js, node_modules). */
  dir: string
  installSeconds: number
  /** Why `npm install` failed, when it did. */
  error?: string
}

export type InstallState = {
  tarball?: string
  stores: PreparedStore[]
  seconds: number
  /** Why packing failed, when it did. */
  error?: string
}

export type BootedStore = {
  url: string
  admin: { email: string; password: string }
  stop: () => Promise<void>
}

export const DEFAULT_WORK_DIR: string
export const CURRENT_VERSION: string
export const OLDEST_VERSION: string
export const STORE_VERSIONS: string[]
export class InstallError extends Error {}
export function exec(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; title: string }
): Promise<string>
export function packPlugin(dir: string): Promise<string>
export function prepareStores(options?: { workDir?: string }): Promise<InstallState>
export function writeInstallState(file: string, state: InstallState): void
export function readInstallState(): InstallState | undefined
export function withoutNpmScriptEnv(): NodeJS.ProcessEnv
export function bootStore(store: PreparedStore, logFile: string): Promise<BootedStore>
