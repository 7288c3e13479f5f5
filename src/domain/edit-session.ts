// One sheet being edited, as plain data: the working copy the person types into, the stored version those edits
// are made on, and the row keys that tie the two together. No Vue, no storage: the editor store shows a session,
// storage's saver (storage/sheet-saver.ts) writes it, and both change it through the functions here.
//
// The working copy may hold text that is not valid yet; the base is always valid (it is what storage holds).
// Edits change the working copy in place (sheet-edit.ts says why). Functions that copy a session expect plain
// data: a framework's reactive proxy is unwrapped by the caller, since structuredClone refuses proxies.
import { toFieldIssues, type FieldIssue } from './field-issues'
import { savableSheet } from './savable-sheet'
import {
  applyEdit,
  copyKeys,
  isBlankRow,
  keysFit,
  keysFor,
  LIST_PATHS,
  listAt,
  locateInList,
  pairKeys,
  renumberKeys,
  sameScores,
  type ListPath,
  type RowKeys,
  type SheetEdit,
} from './sheet-edit'
import { LIMITS, validateSheet, type Phase, type Sheet } from './sheet'

export interface EditSession {
  /** What the person sees and types. */
  working: Sheet
  /** Row keys of the working copy's lists, parallel to their rows (see sheet-edit.ts). */
  keys: RowKeys
  /** The version the edits are made on: the sheet as last stored, always valid. */
  base: Sheet
  /** Row keys of the base, so that a row of the working copy is known to come from a row of the base. */
  baseKeys: RowKeys
  /** Keys of rows just added and not yet left: an empty one is not an error while the person is filling it in. */
  freshRows: Set<number>
}

/** Row keys of a working copy saved earlier (a draft, a rescue copy), paired with those of its base. */
export interface SavedRowKeys {
  draft: RowKeys
  stored: RowKeys
}

/** A session on a stored sheet, nothing typed yet. */
export function sessionOnStored(stored: Sheet): EditSession {
  const keys = keysFor(stored)
  return { working: structuredClone(stored), keys, base: stored, baseKeys: copyKeys(keys), freshRows: new Set() }
}

/**
 * A working copy saved earlier (a draft, a rescue copy) taken up again on its base. Its saved row keys are used
 * when they still fit both sheets (renumbered, so they cannot collide with this page's); otherwise its rows are
 * paired with the base's by content.
 */
export function resumedSession(working: Sheet, saved: SavedRowKeys | undefined, base: Sheet): EditSession {
  if (saved && keysFit(saved.draft, working) && keysFit(saved.stored, base)) {
    const [keys, baseKeys] = renumberKeys(saved.draft, saved.stored)
    return { working, keys: keys!, base, baseKeys: baseKeys!, freshRows: new Set() }
  }
  const baseKeys = keysFor(base)
  return { working, keys: pairKeys(working, base, baseKeys), base, baseKeys, freshRows: new Set() }
}

/** The same base with another working copy whose rows are all new to it (unsaved edits from an older version). */
export function replacedWorkingCopy(session: EditSession, working: Sheet): EditSession {
  return { working, keys: keysFor(working), base: session.base, baseKeys: session.baseKeys, freshRows: new Set() }
}

/**
 * A merged copy as the working copy, on top of the other version as the new base. Rows keep their keys where their
 * list was not changed on the other side; a list taken from the other version gets new keys on both sides. The
 * merge is copied: it may share rows with the other version, which must not change as the person types on.
 */
export function mergedSession(session: EditSession, merged: Sheet, theirs: Sheet): EditSession {
  const keys = copyKeys(session.keys)
  const baseKeys = copyKeys(session.baseKeys)
  const theirKeys = keysFor(theirs)
  const working = structuredClone(merged)
  for (const list of LIST_PATHS) {
    if (sameJson(listAt(theirs, list), listAt(session.base, list))) continue
    baseKeys[list] = theirKeys[list]
    if (sameJson(listAt(working, list), listAt(theirs, list))) keys[list] = [...theirKeys[list]]
  }
  return { working, keys, base: theirs, baseKeys, freshRows: new Set(session.freshRows) }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Applies one edit to the working copy (sheet-edit.ts). A row added empty is fresh until the person leaves it.
 * Returns what a removal took out, for « Annuler ».
 */
export function applySessionEdit(session: EditSession, edit: SheetEdit): { row: unknown; key: number } | undefined {
  const removed = applyEdit(session.working, session.keys, edit)
  if (edit.kind === 'add-row' && edit.row === undefined) {
    const key = session.keys[edit.list].at(-1)
    if (key !== undefined) session.freshRows.add(key)
  }
  return removed
}

/** The person moved on from a row: from now on, an empty required field in it is an error. */
export function leaveRow(session: EditSession, list: ListPath, index: number): void {
  const key = session.keys[list][index]
  if (key !== undefined) session.freshRows.delete(key)
}

/** Rows being filled in for the first time that are still empty: not errors yet, and never stored. */
function isUntouchedBlankRow(session: EditSession, list: ListPath, index: number): boolean {
  const key = session.keys[list][index]
  return key !== undefined && session.freshRows.has(key) && isBlankRow(list, listAt(session.working, list)[index])
}

/** The fields to fix, as shown next to them: one validation of the working copy. */
export function sessionIssues(session: EditSession): FieldIssue[] {
  const result = validateSheet(session.working)
  if (result.ok) return []
  const shown = result.issues.filter((issue) => {
    const place = locateInList(issue.path)
    return !place || !isUntouchedBlankRow(session, place.list, place.index)
  })
  return toFieldIssues(shown)
}

/**
 * The sheet as storage will hold it once the working copy is saved: every valid edit, each invalid field at its
 * last valid value (savable-sheet.ts), with its row keys. It validates the whole sheet at least once: asked for
 * when needed (a save, an export, printing), never on every keystroke.
 */
export function savableSheetOf(session: EditSession): { sheet: Sheet; keys: RowKeys } {
  return savableSheet(session.working, session.keys, session.base, session.baseKeys)
}

/** What identifies a sheet's content, so that re-saving an unchanged sheet writes nothing. */
export function fingerprint(sheet: Sheet): string {
  return JSON.stringify({ ...sheet, updatedAt: undefined })
}

/**
 * Whether a working copy holds something the stored sheet will not: a field still invalid. A text that differs
 * only by what validation tidies (a trailing space) is the same content: keeping a draft for it would announce
 * « des saisies pas encore valides » at every opening, with no field to fix.
 */
export function holdsMoreThan(working: Sheet, stored: Sheet): boolean {
  if (fingerprint(working) === fingerprint(stored)) return false
  const tidied = validateSheet(working)
  return !tidied.ok || fingerprint(tidied.sheet) !== fingerprint(stored)
}

/** Whether nothing was typed on the base. */
export function isUnchanged(session: EditSession): boolean {
  return fingerprint(session.working) === fingerprint(session.base)
}

/**
 * After a change of phase, the phase left, if the radar holds scores worth keeping as a snapshot of it (some
 * score, not the same as the last snapshot, and room for one more); otherwise null.
 */
export function snapshotWorthOffering(sheet: Sheet, left: Phase): Phase | null {
  const latest = sheet.snapshots.at(-1)
  const anyScore = Object.values(sheet.radar).some((theme) => theme.prototype !== null || theme.scaleUp !== null)
  const alreadyKept = latest !== undefined && sameScores(sheet, latest)
  return anyScore && !alreadyKept && sheet.snapshots.length < LIMITS.snapshots ? left : null
}
