// The last-resort copy of the sheet being edited, written synchronously to localStorage as the person types and
// again when the page may go away. IndexedDB is asynchronous: a save started as the tab closes may never land, and
// a browser that quits (Ctrl+Q, its window's ✕, a clean shutdown) may not even fire `pagehide` — measured in
// Chromium: no `pagehide`, no `visibilitychange`, but a localStorage write made while typing is there on reopening.
// This copy is what the editor finds on the next opening; it is removed once the same content is safely in IndexedDB.
import type { RowKeys } from '@/domain/sheet-edit'
import type { Sheet } from '@/domain/sheet'
import { completeStoredSheet } from '@/domain/migrations'

export interface RescueCopy {
  content: Sheet
  rowKeys: { draft: RowKeys; stored: RowKeys }
  /** The stored revision the content was edited from. */
  baseRevision: number
  savedAt: string
  /** The page that wrote it: a save in another tab must not remove this tab's copy. */
  writer?: string
  /**
   * The save that was under way when the copy was written. The browser may quit between that save's commit and the
   * page hearing of it: the stored revision is then this one, with this content, and the copy still applies to it.
   */
  saving?: { revision: number; contentCrc: number; storedKeys: RowKeys }
}

const PREFIX = 'fiche-projet-data:rescue:'

/** Writes the copy now; false when the browser refuses (storage full or disabled), which is survivable. */
export function writeRescueCopy(copy: RescueCopy): boolean {
  try {
    localStorage.setItem(PREFIX + copy.content.id, JSON.stringify(copy))
    return true
  } catch {
    return false
  }
}

export function readRescueCopy(id: string): RescueCopy | undefined {
  try {
    const text = localStorage.getItem(PREFIX + id)
    if (!text) return undefined
    const copy = JSON.parse(text) as Partial<RescueCopy>
    const valid =
      typeof copy.baseRevision === 'number' &&
      typeof copy.content === 'object' &&
      copy.content !== null &&
      copy.content.id === id &&
      typeof copy.rowKeys === 'object'
    // A copy left by the app before format v2 lacks the new fields: they are added, empty.
    return valid ? { ...(copy as RescueCopy), content: completeStoredSheet(copy.content as Sheet) } : undefined
  } catch {
    return undefined
  }
}

/** Removes the copy; with `unless`, not when it holds what the test says must stay (another tab's typing). */
export function clearRescueCopy(id: string, unless?: (copy: RescueCopy) => boolean): void {
  try {
    const copy = unless ? readRescueCopy(id) : undefined
    if (copy && unless?.(copy)) return
    localStorage.removeItem(PREFIX + id)
  } catch {
    // Nothing to do: the copy is only read back if it differs from what is stored.
  }
}
