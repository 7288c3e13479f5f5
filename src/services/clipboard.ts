// Copying a link for a person to paste into a message. A locked-down browser may refuse the clipboard: the text is
// then selected in its field, for Ctrl+C, and the caller says so.
export async function copyOrSelect(text: string, field: HTMLTextAreaElement | null): Promise<'copied' | 'copyRefused'> {
  try {
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    field?.select()
    return 'copyRefused'
  }
}
