// What of a working copy can be stored right now. One invalid field must never hold the rest of the sheet back:
// the stored sheet takes every valid edit, keeps the last valid value of each invalid field, and leaves out rows
// nobody has filled in yet. The working copy keeps what was typed (as a draft) until the field is fixed.
import { isBlankRow, LIST_PATHS, listAt, locateInList, copyKeys, type ListPath, type RowKeys } from './sheet-edit'
import { validateSheet, type Sheet } from './sheet'

interface SavableSheet {
  /** A valid sheet: the stored one with every valid edit of the working copy. */
  sheet: Sheet
  /** Row keys of that sheet, so the next edit still knows which stored row each row comes from. */
  keys: RowKeys
}

/** A reversion can only move the candidate towards the stored sheet: a bounded number of rounds always ends. */
const MAX_ROUNDS = 200

type Json = Record<string, unknown>

/** A copy of plain data (the working copy reaches here unwrapped from any reactive proxy). */
function plain<T>(value: T): T {
  return structuredClone(value)
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function parentAt(root: Json, segments: readonly string[]): Json | undefined {
  let node: unknown = root
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Json)[segment]
  }
  return typeof node === 'object' && node !== null ? (node as Json) : undefined
}

/**
 * Puts back, at `segments` inside `target`, the value found at the same place in `source`. When that changes
 * nothing (the field already holds its stored value but a rule across fields still fails, e.g. an end before a
 * new start), every plain value beside it is put back too. Returns whether anything changed.
 */
function revertPlain(target: Json, source: Json, segments: readonly string[]): boolean {
  for (let depth = segments.length; depth > 0; depth--) {
    const parent = parentAt(target, segments.slice(0, depth - 1))
    const sourceParent = parentAt(source, segments.slice(0, depth - 1))
    if (!parent || !sourceParent) continue
    const key = segments[depth - 1]!
    if (!same(parent[key], sourceParent[key])) {
      parent[key] = plain(sourceParent[key])
      return true
    }
    // Siblings that are plain values (not lists, whose rows are reverted one by one with their keys).
    let changed = false
    for (const [sibling, value] of Object.entries(sourceParent)) {
      if (typeof value === 'object' && value !== null) continue
      if (!same(parent[sibling], value)) {
        parent[sibling] = value
        changed = true
      }
    }
    if (changed) return true
  }
  return false
}

function removeRow(candidate: Sheet, keys: RowKeys, list: ListPath, index: number): void {
  const rows = listAt(candidate, list) as unknown[]
  rows.splice(index, 1)
  keys[list].splice(index, 1)
}

/** Brings the place of one validation issue back to its stored state. Returns whether anything changed. */
function revert(candidate: Sheet, keys: RowKeys, stored: Sheet, storedKeys: RowKeys, path: readonly PropertyKey[]): boolean {
  const segments = path.map(String)
  const inList = locateInList(segments)
  if (!inList) {
    const listItself = LIST_PATHS.find((list) => list === segments.join('.'))
    if (listItself) {
      // The list as a whole is wrong (too many rows): back to the stored list.
      const rows = listAt(candidate, listItself) as unknown[]
      rows.splice(0, rows.length, ...plain(listAt(stored, listItself)))
      keys[listItself] = [...storedKeys[listItself]]
      return true
    }
    return revertPlain(candidate as unknown as Json, stored as unknown as Json, segments)
  }

  const { list, index, rest } = inList
  const storedIndex = storedKeys[list].indexOf(keys[list][index] ?? -1)
  // A row the stored sheet does not have yet waits, whole, in the draft until it is valid.
  if (storedIndex < 0) {
    removeRow(candidate, keys, list, index)
    return true
  }
  const rows = listAt(candidate, list) as unknown[]
  const storedRow = plain(listAt(stored, list)[storedIndex])
  if (rest.length === 0 || typeof rows[index] !== 'object' || rows[index] === null) {
    if (same(rows[index], storedRow)) return false
    rows[index] = storedRow
    return true
  }
  if (revertPlain(rows[index] as Json, storedRow as Json, rest)) return true
  if (same(rows[index], storedRow)) return false
  rows[index] = storedRow
  return true
}

/**
 * The valid sheet to store for a working copy. `stored` is the sheet as last stored (valid), `storedKeys` its row
 * keys; rows keep their identity through the keys, so a row whose field is invalid falls back to the stored row,
 * and a new row that is invalid (or blank) is left out.
 */
export function savableSheet(draft: Sheet, draftKeys: RowKeys, stored: Sheet, storedKeys: RowKeys): SavableSheet {
  const candidate = plain(draft)
  const keys = copyKeys(draftKeys)

  // New rows nobody has filled in yet are not part of the sheet. A stored row emptied by the person is not a
  // deletion: validation sends it back to its stored content below, while the draft keeps it empty.
  for (const list of LIST_PATHS) {
    const rows = listAt(candidate, list) as unknown[]
    for (let index = rows.length - 1; index >= 0; index--) {
      const isNew = !storedKeys[list].includes(keys[list][index] ?? -1)
      if (isNew && isBlankRow(list, rows[index])) removeRow(candidate, keys, list, index)
    }
  }

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = validateSheet(candidate)
    if (result.ok) return { sheet: result.sheet, keys }
    let changed = false
    for (const issue of result.issues) {
      changed = revert(candidate, keys, stored, storedKeys, issue.path) || changed
      // Paths of later issues may point past a removed row: validate again before going on.
      if (changed) break
    }
    if (!changed) break
  }
  // Nothing could be kept: the stored sheet stays as it is (the draft still holds every keystroke).
  return { sheet: stored, keys: copyKeys(storedKeys) }
}
