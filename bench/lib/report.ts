import fs from "fs"
import os from "os"
import path from "path"

/**
 * Shared by the benchmarks: sizes, statistics, memory sampling and the
 * printed table and JSON file each one ends with.
 */

/** BENCH_SCALE multiplies every size; 1 is the size the README reports. */
export const benchScale = (): number => {
  const scale = Number(process.env.BENCH_SCALE ?? 0.1)
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`BENCH_SCALE must be a positive number, got ${process.env.BENCH_SCALE}`)
  }
  return scale
}

export const scaled = (fullSize: number, minimum = 1): number =>
  Math.max(minimum, Math.round(fullSize * benchScale()))

export type Summary = { n: number; p50: number; p95: number; min: number; max: number }

export function percentile(values: number[], p: number): number {
  if (!values.length) {
    return NaN
  }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export function summarize(values: number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  }
}

export const median = (values: number[]) => percentile(values, 50)

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number) => performance.now() - start

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await work()
  return { ms: since(start), result }
}

export const log = (message: string) => {
  process.stdout.write(`${message}\n`)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

/**
 * Samples this process's resident memory while work runs; `peak` is the
 * highest reading since `reset`. The sampling timer is unref'd so it never
 * keeps the process alive.
 */
export class RssSampler {
  private peakBytes = 0
  private timer: NodeJS.Timeout | null = null

  start(intervalMs = 25) {
    this.reset()
    this.timer = setInterval(() => this.sample(), intervalMs)
    this.timer.unref()
    return this
  }

  reset() {
    this.peakBytes = process.memoryUsage().rss
  }

  sample() {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().rss)
  }

  /** Peak RSS in MB since the last reset. */
  peak() {
    this.sample()
    return mb(this.peakBytes)
  }

  stop() {
    if (this.timer) {
      clearInterval(this.timer)
    }
  }
}

export const round = (value: number, digits = 1) => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: Record<string, string | number>[]) {
  const columns = Object.keys(rows[0] ?? {})
  const cell = (value: string | number | undefined) =>
    typeof value === "number" ? String(round(value, 2)) : (value ?? "")
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row[column]).length))
  )
  const line = (values: string[]) =>
    values.map((value, i) => value.padEnd(widths[i])).join("  ").trimEnd()
  const out = [
    "",
    title,
    line(columns),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map((row) => line(columns.map((column) => cell(row[column])))),
    "",
  ]
  process.stdout.write(out.join("\n") + "\n")
}

export function machine() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  }
}

/** Writes bench/results/<name>.json (git-ignored) and returns its path. */
export function writeResult(name: string, result: Record<string, unknown>) {
  const dir = path.join(__dirname, "..", "results")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  fs.writeFileSync(
    file,
    JSON.stringify(
      { benchmark: name, at: new Date().toISOString(), scale: benchScale(), machine: machine(), ...result },
      null,
      2
    ) + "\n"
  )
  log(`Results written to ${path.relative(process.cwd(), file)}`)
  return file
}
