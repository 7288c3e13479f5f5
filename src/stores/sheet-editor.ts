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
import { LIMITS, validateSheet, type Phase, type RadarSnapshot, type Sheet } from '@/domain/sheet'
import { savableSheet } from '@/domain/savable-sheet'
import {
  applyEdit,
  copyKeys,
  isBlankRow,
  keysFit,
  keysFor,
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
import { isSaveConflict, isSaveDeleted, sheetsRepository, type StoredSheet } from '@/storage'
import { clearRescueCopy, readRescueCopy, writeRescueCopy } from '@/services/rescue-copy'
import { useStorageStatusStore } from './storage-status'

/**
 * saved: everything typed is stored. invalid: stored, except fields that still need fixing (kept as a draft).
 * pending / saving: a save is coming or under way. conflict: another tab changed the sheet. deleted: another tab
 * deleted it (the edits stay here until the person restores it). error: the write failed.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict' | 'deleted'

/** How long typing must pause before a save. */
const AUTOSAVE_DELAY_MS = 500

/** What identifies the content, so that re-saving an unchanged sheet writes nothing. */
function fingerprint(sheet: Sheet): string {
  return JSON.stringify({ ...sheet, updatedAt: undefined })
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
  /** Unsaved edits made from an older version (e.g. in another tab), offered rather than applied. */
  const staleDraft = shallowRef<Sheet | null>(null)
  /** The version saved in another tab that clashes with this tab's edits, until the person chooses. */
  const conflict = shallowRef<Sheet | null>(null)
  /** True after this tab silently took a newer version saved in another tab (it had no edits of its own). */
  const refreshedFromElsewhere = ref(false)
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
  // Whether the person changed anything since opening the sheet (a new sheet left untouched is discarded).
  let editedSinceOpen = false
  let stopObserving: (() => void) | undefined
  // Saves run one after another, so an older snapshot can never overwrite a newer one.
  let saving: Promise<void> = Promise.resolve()
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined

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
   */
  const savable = computed<Sheet | null>(() => {
    if (!sheet.value || !stored.value || !rowKeys.value || !storedKeys.value) return null
    return savableSheet(plainCopy(sheet.value), rowKeys.value, stored.value, storedKeys.value).sheet
  })

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
      const currentRescue = rescued && rescued.baseRevision === base.revision ? rescued : undefined
      const stale = (rescued && !currentRescue ? rescued.content : undefined) ?? (draft && !currentDraft ? draft.content : undefined)
      staleDraft.value = stale ?? null
      conflict.value = null
      refreshedFromElsewhere.value = false
      const saved = currentRescue ?? currentDraft
      if (saved) showSavedWorkingCopy(saved.content, saved.rowKeys, base)
      else showStored(base)
      draftRestored.value = saved !== undefined && fingerprint(saved.content) !== fingerprint(base.sheet)
      lastSavedAt.value = new Date(saved?.savedAt ?? base.sheet.updatedAt)
      saveState.value = saved ? settledState() : 'saved'
      status.value = 'ready'
      if (currentRescue) {
        // What the rescue copy holds may not be in IndexedDB yet: store it now.
        writtenFingerprint = ''
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
      showStored(update)
      refreshedFromElsewhere.value = true
      // The offer is re-read on the next opening: the draft may be gone, saved by the tab that made it.
      staleDraft.value = null
    } else {
      conflict.value = update.sheet
      conflictRevision = update.revision
      saveState.value = 'conflict'
    }
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

  /** Last resort as the page goes: a synchronous copy of what IndexedDB may not have received yet. */
  function rescue(): void {
    if (!sheet.value || !rowKeys.value || !storedKeys.value) return
    if (fingerprint(sheet.value) === writtenFingerprint && saveState.value !== 'deleted') return
    writeRescueCopy({
      content: plainCopy(sheet.value),
      rowKeys: { draft: copyKeys(rowKeys.value), stored: copyKeys(storedKeys.value) },
      baseRevision: storedRevision,
      savedAt: new Date().toISOString(),
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
    conflict.value = stored.value
    conflictRevision = storedRevision
    showWorkingCopy(draft, keysFor(draft), stored.value, storedKeys.value ?? keysFor(stored.value), storedRevision)
    saveState.value = 'conflict'
  }

  /** The person's answer to "cette fiche a été modifiée dans un autre onglet". */
  async function resolveConflict(keep: 'mine' | 'theirs') {
    const theirs = conflict.value
    if (!theirs || !sheet.value) return
    conflict.value = null
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
    clearTimeout(autosaveTimer)
    autosaveTimer = undefined
    stopObserving?.()
    stopObserving = undefined
    conflict.value = null
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
    const keepDraft = fingerprint(next.sheet) !== workingPrint
    saveState.value = 'saving'
    try {
      if (!recreating && fingerprint(next.sheet) === fingerprint(base)) {
        // Nothing new that is valid: only the draft changes.
        if (keepDraft) await repository.saveDraft(working, storedRevision, { draft: keys, stored: baseKeys })
        else await repository.discardDraft(working.id)
      } else {
        const result = await repository.save(next.sheet, {
          expectedRevision: recreating ? null : storedRevision,
          draft: keepDraft ? { content: working, rowKeys: { draft: keys, stored: next.keys } } : undefined,
        })
        if (isSaveConflict(result)) {
          await repository.saveDraft(working, storedRevision, { draft: keys, stored: baseKeys })
          conflict.value = result.conflict
          conflictRevision = result.revision
          saveState.value = 'conflict'
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
      writtenFingerprint = workingPrint
      // Safely in IndexedDB: the last-resort copy is no longer needed (unless the person typed on meanwhile).
      if (!sheet.value || fingerprint(sheet.value) === workingPrint) clearRescueCopy(working.id)
      lastSavedAt.value = new Date()
      saveError.value = null
      // Edits typed while this save ran are still pending.
      saveState.value = sheet.value && fingerprint(sheet.value) !== workingPrint ? 'pending' : settledState()
    } catch (error) {
      saveState.value = 'error'
      saveError.value = error
    }
  }

  /** Writes the current working copy (and its draft), after any save already under way. */
  function save(): Promise<void> {
    clearTimeout(autosaveTimer)
    autosaveTimer = undefined
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
    clearTimeout(autosaveTimer)
    autosaveTimer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
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
   * with the phase left, since that is the phase those scores belong to. Returns false at the limit.
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

  return {
    sheet,
    savable,
    rowKeys,
    status,
    loadError,
    saveState,
    saveError,
    lastSavedAt,
    importedAt,
    draftRestored,
    staleDraft,
    restoreStaleDraft,
    conflict,
    refreshedFromElsewhere,
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
    phaseLeft,
    takeRadarSnapshot,
    declineSnapshotOffer,
    removeRadarSnapshot,
    restoreRadarSnapshot,
  }
})
