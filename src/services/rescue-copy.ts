// The last-resort copy of the sheet being edited, written synchronously to localStorage when the page may go away
// (closed, reloaded, hidden). IndexedDB is asynchronous: a save started as the tab closes may never land, and this
// copy is what the editor finds on the next opening. It is removed once the same content is safely in IndexedDB.
import type { RowKeys } from '@/domain/sheet-edit'
import type { Sheet } from '@/domain/sheet'
import { completeStoredSheet } from '@/domain/migrations'

export interface RescueCopy {
  content: Sheet
  rowKeys: { draft: RowKeys; stored: RowKeys }
  /** The stored revision the content was edited from. */
  baseRevision: number
  savedAt: string
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

export function clearRescueCopy(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id)
  } catch {
    // Nothing to do: the copy is only read back if it differs from what is stored.
  }
}
