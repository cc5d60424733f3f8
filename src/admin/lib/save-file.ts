/** Hands the browser a file to save (a CSV export, a sample to start from). */
export const saveFile = (file: Blob, filename: string) => {
  const link = document.createElement("a")
  link.href = URL.createObjectURL(file)
  link.download = filename
  link.click()
  URL.revokeObjectURL(link.href)
}
