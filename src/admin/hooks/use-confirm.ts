import { usePrompt } from "@medusajs/ui"
import { useCallback } from "react"

type Question = { title: string; description: string; confirmText: string }

/**
 * Asks before a step that cannot be taken back (delete, block, disconnect)
 * with Medusa's prompt, and takes it once confirmed.
 */
export const useConfirm = () => {
  const prompt = usePrompt()
  return useCallback(
    async (question: Question, onConfirm: () => void) => {
      if (await prompt({ ...question, cancelText: "Cancel" })) {
        onConfirm()
      }
    },
    [prompt]
  )
}
