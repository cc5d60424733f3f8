import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Runs `work`, answering a conflict with a 409 that keeps our message.
 * Medusa's error handler replaces every conflict's message with a generic
 * retry hint, and ours names what the request ran into (the current
 * affiliate), which is the point of the answer.
 * Returns undefined when the conflict was answered.
 */
export async function answerConflicts<T>(
  res: MedusaResponse,
  work: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    if (
      MedusaError.isMedusaError(error) &&
      error.type === MedusaError.Types.CONFLICT
    ) {
      res.status(409).json({ type: error.type, message: error.message })
      return undefined
    }
    throw error
  }
}
