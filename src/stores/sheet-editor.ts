// The sheet being edited. The store owns every change to it, through a small typed API (set a field, add, move or
// remove a row, set a score or a comment): components say what changed, the store applies it and saves it.
//
// Two copies live here. The working copy is what the person sees and types; it may hold text that is not valid
// yet. The stored copy is the sheet as last written, always valid. Each save writes every valid edit of the working
// copy (savable-sheet.ts) and keeps the working copy itself as a draft while it holds more than that, so one
// invalid field never holds the rest of the sheet back and no keystroke is lost.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ScoreAxis, ThemeId } from '@/domain/grid'
import { LIMITS, validateSheet, type Decision, type DecisionStatus, type Phase, type RadarSnapshot, type Sheet } from '@/domain/sheet'
import { calendarDay } from '@/domain/calendar-day'
import { changeDecision as decide } from '@/domain/decision'
import { savableSheet } from '@/domain/savable-sheet'
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
  takeSnapshot,
  type FieldPath,
  type FieldValues,
  type ListItem,
  type ListPath,
  type RecordListPath,
  type RemovedRow,
  type RowKeys,
  type SheetEdit,
  type TextListPath,
} from '@/domain/sheet-edit'
import { toFieldIssues, type FieldIssue } from '@/domain/field-issues'
import { changedFields, mergeSheets, settleConflicts, type FieldConflict, type SheetMerge } from '@/domain/sheet-merge'
import { isSaveConflict, isSaveDeleted, sheetsRepository, type StoredSheet } from '@/storage'
import { clearRescueCopy, readRescueCopy, writeRescueCopy, type RescueCopy } from '@/services/rescue-copy'
import { crc32 } from '@/domain/png-chunk'
import { useStorageStatusStore } from './storage-status'

/**
 * saved: everything typed is stored. invalid: stored, except fields that still need fixing (kept as a draft).
 * pending / saving: a save is coming or under way. conflict: another tab changed the sheet. deleted: another tab
 * deleted it (the edits stay here until the person restores it). error: the write failed.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict' | 'deleted'

/** How long typing must pause before a save. */
const AUTOSAVE_DELAY_MS = 500
/**
 * How long an edit may wait for that pause: typing that never pauses (a description written in one go) is still
 * saved every second, so a crash or a dead battery takes at most the last second of typing.
 */
const AUTOSAVE_MAX_WAIT_MS = 1000
/** After a failed write, the next tries: soon, then every half-minute. */
const RETRY_DELAYS_MS = [2000, 5000, 10_000, 30_000]

/** What identifies the content, so that re-saving an unchanged sheet writes nothing. */
function fingerprint(sheet: Sheet): string {
  return JSON.stringify({ ...sheet, updatedAt: undefined })
}

/** A short check of a sheet's content, to recognise a stored version in a rescue copy without holding it twice. */
function contentCrc(sheet: Sheet): number {
  return crc32(new TextEncoder().encode(fingerprint(sheet)))
}

/**
 * Whether the working copy holds something the stored sheet will not: a field still invalid. A text that differs
 * only by what validation tidies (a trailing space) is the same content: keeping a draft for it would announce
 * « des saisies pas encore valides » at every opening, with no field to fix.
 */
function holdsMoreThan(working: Sheet, stored: Sheet): boolean {
  if (fingerprint(working) === fingerprint(stored)) return false
  const tidied = validateSheet(working)
  return !tidied.ok || fingerprint(tidied.sheet) !== fingerprint(stored)
}

/** A plain copy: IndexedDB cannot clone Vue's reactive proxies, and later edits must not leak into a save. */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export const useSheetEditorStore = defineStore('sheet-editor', () => {
  /** The working copy: what the person sees and types. */
  const sheet = ref<Sheet | null>(null)
  /** The sheet as last stored by this tab (or read from storage): always valid. */
  const stored = shallowRef<Sheet | null>(null)
  /** Row keys of the working copy's lists, parallel to their rows (see sheet-edit.ts). */
  const rowKeys = ref<RowKeys | null>(null)
  const storedKeys = shallowRef<RowKeys | null>(null)
  /** Keys of rows just added and not yet left: an empty one is not an error while the person is filling it in. */
  const freshRows = ref(new Set<number>())

  const status = ref<'idle' | 'loading' | 'ready' | 'not-found' | 'error'>('idle')
  const loadError = shallowRef<unknown>(null)
  const saveState = ref<SaveState>('saved')
  const saveError = shallowRef<unknown>(null)
  const lastSavedAt = ref<Date | null>(null)
  /** When the sheet came from a file, as long as it was not changed here: its status says « Importée le … ». */
  const importedAt = ref<Date | null>(null)
  const draftRestored = ref(false)
  /** Typing found in the rescue copy, not stored when the page went away: it is being saved now. */
  const unsavedRestored = ref(false)
  /** Unsaved edits made from an older version (e.g. in another tab), offered rather than applied. */
  const staleDraft = shallowRef<Sheet | null>(null)
  /** The version saved in another tab that clashes with this tab's edits, until the person chooses. */
  const conflict = shallowRef<Sheet | null>(null)
  /** True after this tab silently took a newer version saved in another tab (it had no edits of its own). */
  const refreshedFromElsewhere = ref(false)
  /** The fields another tab changed, taken here (with this tab's own edits kept when they were elsewhere). */
  const changedElsewhere = shallowRef<string[]>([])
  /** Whether this tab had edits of its own when it took them (they were merged, field by field). */
  const mergedWithMine = ref(false)
  /** The fields changed both here and in the other tab, with both values, until the person chooses. */
  const conflictFields = shallowRef<FieldConflict[]>([])
  /** The sheet was deleted elsewhere while open here; the working copy is kept until the person decides. */
  const deletedElsewhere = ref(false)
  /**
   * The phase the person just left, while the radar's state in that phase is not saved yet: the editor offers to
   * save it as a snapshot (« Enregistrer l'état du radar »), so the history of the radar follows the project's.
   */
  const phaseLeft = ref<Phase | null>(null)

  // The working copy as last written (as the sheet or as its draft): an unchanged copy is not written again.
  let writtenFingerprint = ''
  // The revision of `stored`: saves are based on it, and refused if storage has moved on (see sheets-repository).
  let storedRevision = 0
  let conflictRevision = 0
  // The merge behind the conflict on screen: settled by the person, its other fields are kept either way.
  let pendingMerge: { merge: SheetMerge; theirs: StoredSheet } | null = null
  // Whether the person changed anything since opening the sheet (a new sheet left untouched is discarded).
  let editedSinceOpen = false
  let stopObserving: (() => void) | undefined
  // Saves run one after another, so an older snapshot can never overwrite a newer one.
  let saving: Promise<void> = Promise.resolve()
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined
  // When the oldest edit not yet saved was made: no edit waits longer than AUTOSAVE_MAX_WAIT_MS.
  let firstPendingAt: number | undefined
  // After a failed write: the next try, and how many were made.
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retries = 0
  // This page, as the writer of its rescue copies: another tab's save never removes them.
  const pageId = crypto.randomUUID()
  let rescueQueued = false
  // The save under way, as rescue copies written meanwhile describe it.
  let savingNow: RescueCopy['saving']

  const validation = computed(() => (sheet.value ? validateSheet(sheet.value) : null))

  /** Rows being filled in for the first time that are still empty: not errors yet, and never stored. */
  function isUntouchedBlankRow(list: ListPath, index: number): boolean {
    if (!sheet.value || !rowKeys.value) return false
    const key = rowKeys.value[list][index]
    return key !== undefined && freshRows.value.has(key) && isBlankRow(list, listAt(sheet.value, list)[index])
  }

  /** The fields to fix, as shown next to them. */
  const issues = computed<FieldIssue[]>(() => {
    const result = validation.value
    if (!result || result.ok) return []
    const shown = result.issues.filter((issue) => {
      const place = locateInList(issue.path)
      return !place || !isUntouchedBlankRow(place.list, place.index)
    })
    return toFieldIssues(shown)
  })
  const issuesByPath = computed(() => new Map(issues.value.map((issue) => [issue.path, issue])))

  function issueAt(path: string): FieldIssue | undefined {
    return issuesByPath.value.get(path)
  }

  /**
   * The sheet as it is stored once the pending save is done: every valid edit, each invalid field at its last
   * valid value. Exports, the print view and the radar image use this, so they never hold text that is not valid.
   * Computed when asked, not on every keystroke: it validates the whole sheet at least once.
   */
  function savableNow(): Sheet | null {
    if (!sheet.value || !stored.value || !rowKeys.value || !storedKeys.value) return null
    return savableSheet(plainCopy(sheet.value), rowKeys.value, stored.value, storedKeys.value).sheet
  }

  function settledState(): SaveState {
    return issues.value.length > 0 ? 'invalid' : 'saved'
  }

  function showWorkingCopy(working: Sheet, keys: RowKeys, base: Sheet, baseKeys: RowKeys, revision: number) {
    stored.value = base
    storedRevision = revision
    storedKeys.value = baseKeys
    rowKeys.value = keys
    freshRows.value = new Set()
    sheet.value = working
    writtenFingerprint = fingerprint(working)
  }

  /** Takes a stored version as both copies (opening, or taking another tab's version). */
  function showStored({ sheet: version, revision, importedAt: imported }: StoredSheet) {
    importedAt.value = imported ? new Date(imported) : null
    const keys = keysFor(version)
    showWorkingCopy(structuredClone(version), keys, version, copyKeys(keys), revision)
  }

  /** A working copy saved earlier (a draft, a rescue copy), with its rows paired to the stored sheet's. */
  function showSavedWorkingCopy(working: Sheet, pair: { draft: RowKeys; stored: RowKeys } | undefined, base: StoredSheet) {
    importedAt.value = null
    if (pair && keysFit(pair.draft, working) && keysFit(pair.stored, base.sheet)) {
      const [draftKeys, baseKeys] = renumberKeys(pair.draft, pair.stored)
      showWorkingCopy(working, draftKeys!, base.sheet, baseKeys!, base.revision)
    } else {
      const baseKeys = keysFor(base.sheet)
      showWorkingCopy(working, pairKeys(working, base.sheet, baseKeys), base.sheet, baseKeys, base.revision)
    }
  }

  async function open(id: string) {
    if (sheet.value?.id === id && status.value === 'ready') return
    // A save of the sheet left a moment ago may still be running: read what it writes, not what it replaces.
    await saving
    status.value = 'loading'
    sheet.value = null
    editedSinceOpen = false
    draftRestored.value = false
    unsavedRestored.value = false
    deletedElsewhere.value = false
    phaseLeft.value = null
    try {
      const repository = sheetsRepository()
      const [base, draft] = await Promise.all([repository.getStored(id), repository.getDraft(id)])
      // Loaded now, so that a save started as the page goes away opens its transaction at once.
      await repository.prepareToSave()
      if (!base) {
        status.value = 'not-found'
        return
      }
      // Drafts written before revisions carry the stored updatedAt they were made from.
      const draftBase = draft?.baseRevision ?? (draft?.baseUpdatedAt === base.sheet.updatedAt ? base.revision : -1)
      const currentDraft = draft && draftBase === base.revision ? draft : undefined
      // The copy written as the page went away last time holds the latest typing, if its save did not land.
      const rescued = readRescueCopy(id)
      const currentRescue = rescued && rescueApplies(rescued, base) ? rescued : undefined
      const stale = (rescued && !currentRescue ? rescued.content : undefined) ?? (draft && !currentDraft ? draft.content : undefined)
      staleDraft.value = stale ?? null
      conflict.value = null
      refreshedFromElsewhere.value = false
      // A draft holding nothing the sheet lacks (a text differing by a trailing space) is dropped, not restored.
      const keptDraft = currentDraft && holdsMoreThan(currentDraft.content, base.sheet) ? currentDraft : undefined
      if (currentDraft && !keptDraft) void repository.discardDraft(id)
      const saved = currentRescue ?? keptDraft
      if (saved) showSavedWorkingCopy(saved.content, saved.rowKeys, base)
      else showStored(base)
      // Said only when true: fields still to fix (a draft), or typing that had not reached storage (the rescue copy,
      // saved now) — never for a draft that differs from the sheet only by a trailing space.
      draftRestored.value = saved !== undefined && issues.value.length > 0
      unsavedRestored.value =
        currentRescue !== undefined && issues.value.length === 0 && holdsMoreThan(currentRescue.content, base.sheet)
      lastSavedAt.value = new Date(saved?.savedAt ?? base.sheet.updatedAt)
      // Typing from the rescue copy is not stored yet: the status says so until its save lands.
      saveState.value = currentRescue && holdsMoreThan(currentRescue.content, base.sheet) ? 'pending' : saved ? settledState() : 'saved'
      status.value = 'ready'
      if (currentRescue) {
        // What the rescue copy holds may not be in IndexedDB yet: store it now (the copy is this page's from now).
        writtenFingerprint = ''
        rescue()
        void save()
      }
      stopObserving?.()
      stopObserving = repository.observeSheet(id, onStoredChange)
    } catch (error) {
      loadError.value = error
      status.value = 'error'
    }
  }

  /** Another tab (or a later write of ours) changed the stored sheet, or deleted it. */
  function onStoredChange(update: StoredSheet | undefined) {
    if (!sheet.value || !stored.value) return
    if (!update) {
      // Deleted elsewhere: nothing here is thrown away; the person is told and may restore it.
      if (status.value === 'ready' && saveState.value !== 'saving') {
        deletedElsewhere.value = true
        saveState.value = 'deleted'
      }
      return
    }
    if (update.sheet.id !== sheet.value.id) return
    // Our own save is under way: its result, not this notification, moves the base.
    if (saveState.value === 'saving' || update.revision === storedRevision) return
    deletedElsewhere.value = false
    const untouched = saveState.value === 'saved' && fingerprint(sheet.value) === fingerprint(stored.value)
    if (untouched) {
      changedElsewhere.value = changedFields(stored.value, update.sheet)
      mergedWithMine.value = false
      showStored(update)
      refreshedFromElsewhere.value = true
      // The offer is re-read on the next opening: the draft may be gone, saved by the tab that made it.
      staleDraft.value = null
    } else if (mergeWith(update)) void save()
  }

  /**
   * Another version was stored meanwhile (another tab's save): this tab's edits are merged into it field by field
   * against the version both started from. Returns true when nothing conflicted — the merged copy is then on screen,
   * to be saved over the other version; otherwise the person is asked about the fields changed on both sides.
   */
  function mergeWith(theirs: StoredSheet): boolean {
    if (!sheet.value || !stored.value || !rowKeys.value || !storedKeys.value) return false
    const base = stored.value
    const merge = mergeSheets(base, plainCopy(sheet.value), theirs.sheet)
    if (merge.conflicts.length > 0) {
      pendingMerge = { merge, theirs }
      conflictFields.value = merge.conflicts
      conflict.value = theirs.sheet
      conflictRevision = theirs.revision
      saveState.value = 'conflict'
      return false
    }
    adoptMerged(merge.merged, theirs, base)
    changedElsewhere.value = merge.fromTheirs
    mergedWithMine.value = true
    refreshedFromElsewhere.value = merge.fromTheirs.length > 0
    return true
  }

  /**
   * Shows a merged copy as the working copy, on top of the other version as the stored one. Rows keep their keys
   * where their list was not changed elsewhere; a list taken from the other version gets new keys on both sides.
   */
  function adoptMerged(merged: Sheet, theirs: StoredSheet, base: Sheet) {
    const workingKeys = copyKeys(rowKeys.value!)
    const baseKeys = copyKeys(storedKeys.value!)
    const theirKeys = keysFor(theirs.sheet)
    for (const list of LIST_PATHS) {
      if (JSON.stringify(listAt(theirs.sheet, list)) === JSON.stringify(listAt(base, list))) continue
      baseKeys[list] = theirKeys[list]
      if (JSON.stringify(listAt(merged, list)) === JSON.stringify(listAt(theirs.sheet, list))) workingKeys[list] = [...theirKeys[list]]
    }
    const fresh = new Set(freshRows.value)
    showWorkingCopy(merged, workingKeys, theirs.sheet, baseKeys, theirs.revision)
    freshRows.value = fresh
    importedAt.value = null
    // The merged copy is not written yet.
    writtenFingerprint = ''
    conflict.value = null
    conflictFields.value = []
    pendingMerge = null
    saveState.value = 'pending'
    // The rescue copy now holds the merge, on its new base.
    rescue()
  }

  /** Writes the working copy back as the sheet, after it was deleted elsewhere ("Restaurer la fiche"). */
  async function restoreDeleted() {
    if (!deletedElsewhere.value || !sheet.value) return
    deletedElsewhere.value = false
    storedRevision = -1
    writtenFingerprint = ''
    saveState.value = 'pending'
    await save()
  }

  /**
   * A synchronous copy of what IndexedDB may not have received yet, written on every change and as the page goes:
   * a browser that quits gives the page no event to write it then.
   */
  function rescue(): void {
    if (!sheet.value || !rowKeys.value || !storedKeys.value) return
    if (fingerprint(sheet.value) === writtenFingerprint && saveState.value !== 'deleted') {
      // Back to what is stored (an undo, then a redo): a copy written in between would bring the undone text back.
      clearOwnRescueCopy(sheet.value.id, storedRevision)
      return
    }
    writeRescueCopy({
      content: plainCopy(sheet.value),
      rowKeys: { draft: copyKeys(rowKeys.value), stored: copyKeys(storedKeys.value) },
      baseRevision: storedRevision,
      savedAt: new Date().toISOString(),
      writer: pageId,
      saving: savingNow,
    })
  }

  /**
   * Whether a rescue copy holds edits made on the stored version: made from it, or from the version before while a
   * save of ours was writing it (the browser quit between its commit and the page hearing of it).
   */
  function rescueApplies(copy: RescueCopy, base: StoredSheet): boolean {
    if (copy.baseRevision === base.revision) return true
    const saving = copy.saving
    if (!saving || saving.revision !== base.revision || saving.contentCrc !== contentCrc(base.sheet)) return false
    copy.baseRevision = base.revision
    copy.rowKeys = { draft: copy.rowKeys.draft, stored: saving.storedKeys }
    return true
  }

  /** Removes the rescue copy once its content is stored at `revision`, unless it is another live tab's typing. */
  function clearOwnRescueCopy(id: string, revision: number): void {
    clearRescueCopy(id, (copy) => copy.writer !== pageId && copy.writer !== undefined && copy.baseRevision >= revision - 1)
  }

  /** One rescue copy per task, however many fields one input event changed. */
  function rescueSoon(): void {
    if (rescueQueued) return
    rescueQueued = true
    queueMicrotask(() => {
      rescueQueued = false
      rescue()
    })
  }

  /**
   * Moves a new sheet to the trash if it was never changed: not in this visit, and never saved since its creation
   * (a reload keeps the « nouvelle » address, so the visit alone does not tell).
   */
  async function discardIfUntouched() {
    if (!sheet.value || !stored.value || editedSinceOpen || saveState.value !== 'saved') return
    // Written since its creation (the revision says so even when the save fell in the same millisecond).
    if (stored.value.updatedAt !== stored.value.createdAt || storedRevision > 1) return
    await sheetsRepository().remove(sheet.value.id)
  }

  /** Whether leaving now could lose something: a save not finished, failed or refused. */
  function hasUnsavedChanges(): boolean {
    return sheet.value !== null && ['pending', 'saving', 'error', 'conflict', 'deleted'].includes(saveState.value)
  }

  /** Brings back unsaved edits made from an older version; the person then chooses between the two. */
  function restoreStaleDraft() {
    const draft = staleDraft.value
    if (!draft || !sheet.value || !stored.value) return
    staleDraft.value = null
    pendingMerge = null
    conflictFields.value = []
    conflict.value = stored.value
    conflictRevision = storedRevision
    showWorkingCopy(draft, keysFor(draft), stored.value, storedKeys.value ?? keysFor(stored.value), storedRevision)
    saveState.value = 'conflict'
  }

  /**
   * The person's answer to « cette fiche a été modifiée dans un autre onglet ». After a merge, only the fields
   * changed on both sides take the chosen side; every other edit, of either side, is kept.
   */
  async function resolveConflict(keep: 'mine' | 'theirs') {
    const theirs = conflict.value
    if (!theirs || !sheet.value) return
    if (pendingMerge && stored.value) {
      const { merge, theirs: theirsStored } = pendingMerge
      adoptMerged(settleConflicts(merge, keep), theirsStored, stored.value)
      await save()
      return
    }
    conflict.value = null
    conflictFields.value = []
    if (keep === 'theirs') {
      showStored({ sheet: theirs, revision: conflictRevision })
      saveState.value = 'saved'
      await sheetsRepository().discardDraft(theirs.id)
      clearRescueCopy(theirs.id)
    } else {
      // Mine is written over theirs: their rows are not ours, so they get keys of their own.
      stored.value = theirs
      storedRevision = conflictRevision
      storedKeys.value = keysFor(theirs)
      writtenFingerprint = ''
      await save()
    }
  }

  function close() {
    clearTimeout(retryTimer)
    retryTimer = undefined
    retries = 0
    clearTimeout(autosaveTimer)
    autosaveTimer = undefined
    firstPendingAt = undefined
    stopObserving?.()
    stopObserving = undefined
    conflict.value = null
    conflictFields.value = []
    pendingMerge = null
    phaseLeft.value = null
    sheet.value = null
    stored.value = null
    status.value = 'idle'
  }

  async function writeSnapshot(working: Sheet, keys: RowKeys) {
    const repository = sheetsRepository()
    const base = stored.value
    const baseKeys = storedKeys.value
    if (!base || !baseKeys || base.id !== working.id) return
    const workingPrint = fingerprint(working)
    // Until the person settles a conflict, edits are kept as a draft, never written over the other version.
    if (conflict.value) {
      await repository.saveDraft(working, storedRevision, { draft: keys, stored: baseKeys })
      return
    }
    // Deleted elsewhere: nothing can be written until the person restores it (the rescue copy keeps the edits).
    if (deletedElsewhere.value) return
    if (workingPrint === writtenFingerprint) {
      if (saveState.value === 'pending') saveState.value = settledState()
      return
    }
    const recreating = storedRevision < 0
    const next = savableSheet(working, keys, base, baseKeys)
    const keepDraft = holdsMoreThan(working, next.sheet)
    saveState.value = 'saving'
    try {
      if (!recreating && fingerprint(next.sheet) === fingerprint(base)) {
        // Nothing new that is valid: only the draft changes.
        if (keepDraft) await repository.saveDraft(working, storedRevision, { draft: keys, stored: baseKeys })
        else await repository.discardDraft(working.id)
      } else {
        if (!recreating) {
          // Rescue copies written from now on say which version this save writes, in case it commits unheard.
          savingNow = { revision: storedRevision + 1, contentCrc: contentCrc(next.sheet), storedKeys: copyKeys(next.keys) }
          rescue()
        }
        const result = await repository.save(next.sheet, {
          expectedRevision: recreating ? null : storedRevision,
          draft: keepDraft ? { content: working, rowKeys: { draft: keys, stored: next.keys } } : undefined,
        }).finally(() => (savingNow = undefined))
        if (isSaveConflict(result)) {
          // Stored elsewhere meanwhile: merge field by field; only the same field changed on both sides asks.
          if (mergeWith({ sheet: result.conflict, revision: result.revision })) {
            void save()
            return
          }
          await repository.saveDraft(working, storedRevision, { draft: keys, stored: baseKeys })
          return
        }
        if (isSaveDeleted(result)) {
          deletedElsewhere.value = true
          saveState.value = 'deleted'
          return
        }
        if (!result.ok) throw new Error('The savable sheet did not validate')
        stored.value = result.sheet
        storedRevision = result.revision ?? storedRevision + 1
        importedAt.value = null
        storedKeys.value = next.keys
        if (sheet.value?.id === working.id) sheet.value.updatedAt = result.sheet.updatedAt
        void useStorageStatusStore().ensurePersistence()
      }
      const savedFrom = storedRevision
      writtenFingerprint = workingPrint
      // Safely in IndexedDB (the transaction committed): the last-resort copy is no longer needed — unless the
      // person typed on meanwhile (it is written again, on the new revision) or it is another tab's typing.
      if (!sheet.value || fingerprint(sheet.value) === workingPrint) clearOwnRescueCopy(working.id, savedFrom)
      else rescue()
      lastSavedAt.value = new Date()
      saveError.value = null
      retries = 0
      // Edits typed while this save ran are still pending.
      saveState.value = sheet.value && fingerprint(sheet.value) !== workingPrint ? 'pending' : settledState()
    } catch (error) {
      saveState.value = 'error'
      saveError.value = error
      retryLater()
    }
  }

  /**
   * A failed write (a full disk, storage busy) is tried again by itself, more and more rarely: when room comes back
   * the edits are stored without waiting for the person's next key.
   */
  function retryLater() {
    clearTimeout(retryTimer)
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)]!
    retries += 1
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      if (saveState.value !== 'error' || !sheet.value) return
      writtenFingerprint = ''
      void save()
    }, delay)
  }

  /** Writes the current working copy (and its draft), after any save already under way. */
  function save(): Promise<void> {
    clearTimeout(autosaveTimer)
    autosaveTimer = undefined
    firstPendingAt = undefined
    if (!sheet.value || !rowKeys.value) return saving
    const snapshot = plainCopy(sheet.value)
    const keys = copyKeys(rowKeys.value)
    saving = saving.then(() => writeSnapshot(snapshot, keys))
    return saving
  }

  /** Saves now what is waiting for the autosave delay (leaving the page, exporting). */
  function flush(): Promise<void> {
    return autosaveTimer === undefined ? saving : save()
  }

  function changed() {
    if (!sheet.value) return
    editedSinceOpen = true
    // A conflict or a deletion elsewhere keeps saying so: typing on does not make the edits savable.
    if (!conflict.value && !deletedElsewhere.value && fingerprint(sheet.value) !== writtenFingerprint)
      saveState.value = 'pending'
    rescueSoon()
    const now = Date.now()
    firstPendingAt ??= now
    clearTimeout(autosaveTimer)
    const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now))
    autosaveTimer = setTimeout(() => void save(), delay)
  }

  function edit(change: SheetEdit) {
    if (!sheet.value || !rowKeys.value) return undefined
    const removed = applyEdit(sheet.value, rowKeys.value, change)
    changed()
    return removed
  }

  function setField<P extends FieldPath>(path: P, value: FieldValues[P]) {
    const before = sheet.value?.phase
    edit({ kind: 'field', path, value })
    if (path === 'phase' && before !== undefined && before !== value) offerSnapshotOfPhase(before)
  }

  /** After a change of phase: offer to keep the radar as it was, unless there is nothing new to keep. */
  function offerSnapshotOfPhase(left: Phase) {
    const current = sheet.value
    if (!current) return
    const latest = current.snapshots.at(-1)
    const anyScore = Object.values(current.radar).some((theme) => theme.prototype !== null || theme.scaleUp !== null)
    const alreadyKept = latest !== undefined && sameScores(current, latest)
    phaseLeft.value = anyScore && !alreadyKept && current.snapshots.length < LIMITS.snapshots ? left : null
  }

  /**
   * Saves the radar's current scores as a snapshot. Taken right after a change of phase (the offer), it is stamped
   * with the phase left, since that is the phase those scores belong to. Returns null at the limit.
   */
  function takeRadarSnapshot(label = '', now = new Date()): RadarSnapshot | null {
    const current = sheet.value
    if (!current || current.snapshots.length >= LIMITS.snapshots) return null
    const snapshot = takeSnapshot(current, label, now)
    if (phaseLeft.value) snapshot.phase = phaseLeft.value
    phaseLeft.value = null
    edit({ kind: 'add-snapshot', snapshot })
    return snapshot
  }

  function declineSnapshotOffer() {
    phaseLeft.value = null
  }

  /** Removes a snapshot; what is returned puts it back in its place ("Annuler"). */
  function removeRadarSnapshot(id: string): { snapshot: RadarSnapshot; index: number } | undefined {
    const removed = edit({ kind: 'remove-snapshot', id })
    return removed && { snapshot: removed.row as RadarSnapshot, index: removed.key }
  }

  function restoreRadarSnapshot(removed: { snapshot: RadarSnapshot; index: number }) {
    edit({ kind: 'insert-snapshot', index: removed.index, snapshot: removed.snapshot })
  }

  function setRow(list: TextListPath, index: number, value: string) {
    edit({ kind: 'row', list, index, value })
  }

  function setRowField<L extends RecordListPath, F extends keyof ListItem<L> & string>(
    list: L,
    index: number,
    field: F,
    value: ListItem<L>[F],
  ) {
    edit({ kind: 'row-field', list, index, field, value })
  }

  /** Adds a row at the end: an empty one by default, which is not an error until the person leaves it. */
  function addRow<L extends ListPath>(list: L, row?: ListItem<L>) {
    edit({ kind: 'add-row', list, row })
    const key = rowKeys.value?.[list].at(-1)
    if (row === undefined && key !== undefined) freshRows.value.add(key)
  }

  function moveRow(list: ListPath, from: number, to: number) {
    edit({ kind: 'move-row', list, from, to })
  }

  function removeRow(list: ListPath, index: number): RemovedRow | undefined {
    const removed = edit({ kind: 'remove-row', list, index })
    return removed && { list, index, ...removed }
  }

  /** Puts a removed row back ("Annuler"). */
  function restoreRow(removed: RemovedRow) {
    edit({ kind: 'insert-row', list: removed.list, index: removed.index, row: removed.row, key: removed.key })
  }

  /** The person moved on from a row: from now on, an empty required field in it is an error. */
  function leaveRow(list: ListPath, index: number) {
    const key = rowKeys.value?.[list][index]
    if (key !== undefined) freshRows.value.delete(key)
  }

  function setScore(themeId: ThemeId, axis: ScoreAxis, value: number | null) {
    edit({ kind: 'score', theme: themeId, axis, value })
  }

  function setComment(themeId: ThemeId, comment: string) {
    edit({ kind: 'comment', theme: themeId, text: comment })
  }

  /**
   * A person chose a new decision status: the decision in force joins the history if it said something
   * (decision.ts), the new one is dated today. Returns the decision replaced, which setDecision puts back.
   */
  function changeDecision(status: DecisionStatus, now = new Date()): Decision | undefined {
    const current = sheet.value
    if (!current || current.decision.status === status) return undefined
    const replaced = plainCopy(current.decision)
    edit({ kind: 'decision', decision: decide(replaced, { status, day: calendarDay(now), source: 'personne' }) })
    return replaced
  }

  function setDecision(decision: Decision) {
    edit({ kind: 'decision', decision })
  }

  return {
    sheet,
    savableNow,
    rowKeys,
    status,
    loadError,
    saveState,
    saveError,
    lastSavedAt,
    importedAt,
    draftRestored,
    unsavedRestored,
    staleDraft,
    restoreStaleDraft,
    conflict,
    conflictFields,
    refreshedFromElsewhere,
    changedElsewhere,
    mergedWithMine,
    resolveConflict,
    deletedElsewhere,
    restoreDeleted,
    discardIfUntouched,
    rescue,
    hasUnsavedChanges,
    issues,
    issueAt,
    open,
    close,
    save,
    flush,
    setField,
    setRow,
    setRowField,
    addRow,
    moveRow,
    removeRow,
    restoreRow,
    leaveRow,
    setScore,
    setComment,
    changeDecision,
    setDecision,
    phaseLeft,
    takeRadarSnapshot,
    declineSnapshotOffer,
    removeRadarSnapshot,
    restoreRadarSnapshot,
  }
})
