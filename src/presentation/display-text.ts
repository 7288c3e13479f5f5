// Text from a sheet as it may safely be shown in one line of the interface. Imported text is untrusted: an
// explicit direction override (U+202E) would make « Budget <U+202E>fdp.exe » read « Budget exe.pdf », and a stack of
// combining marks draws over the lines above. The text kept in the sheet is never changed, only its display.

// Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g
// More than two combining marks on one character is never needed by a real script, and draws outside the line.
const MARK_STACK = /(\p{M}{2})\p{M}+/gu

export function displayText(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '').replace(MARK_STACK, '$1')
}

/**
 * What a chart, a ballot or a legend calls a sheet: its short name when it has one (format v3, « Téléphonie
 * mobile »), its title otherwise.
 */
export function sheetName(project: { title: string; shortLabel?: string }): string {
  return displayText(project.shortLabel?.trim() || project.title)
}
