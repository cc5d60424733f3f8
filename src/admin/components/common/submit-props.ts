/** The main action of a modal or drawer form, at the end of its footer. */
export type SubmitProps = {
  /** Runs on the submit button or Enter in a field. */
  onSubmit: () => void
  submitLabel: string
  isSubmitting?: boolean
  submitDisabled?: boolean
}
