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
import { validateSheet, type Sheet } from '@/domain/sheet'
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
import { isSaveConflict, sheetsRepository } from '@/storage'
import { useStorageStatusStore } from './storage-status'

/**
 * saved: everything typed is stored. invalid: stored, except fields that still need fixing (kept as a draft).
 * pending / saving: a save is coming or under way. conflict: another tab changed the sheet. error: the write failed.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict'

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
  const draftRestored = ref(false)
  /** Unsaved edits made from an older version (e.g. in another tab), offered rather than applied. */
  const staleDraft = shallowRef<Sheet | null>(null)
  /** The version saved in another tab that clashes with this tab's edits, until the person chooses. */
  const conflict = shallowRef<Sheet | null>(null)
  /** True after this tab silently took a newer version saved in another tab (it had no edits of its own). */
  const refreshedFromElsewhere = ref(false)

  // The working copy as last written (as the sheet or as its draft): an unchanged copy is not written again.
  let writtenFingerprint = ''
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

  function showWorkingCopy(working: Sheet, keys: RowKeys, base: Sheet, baseKeys: RowKeys) {
    stored.value = base
    storedKeys.value = baseKeys
    rowKeys.value = keys
    freshRows.value = new Set()
    sheet.value = working
    writtenFingerprint = fingerprint(working)
  }

  /** Takes a stored version as both copies (opening, or taking another tab's version). */
  function showStored(version: Sheet) {
    const keys = keysFor(version)
    showWorkingCopy(structuredClone(version), keys, version, copyKeys(keys))
  }

  async function open(id: string) {
    if (sheet.value?.id === id && status.value === 'ready') return
    status.value = 'loading'
    sheet.value = null
    draftRestored.value = false
    try {
      const repository = sheetsRepository()
      const [storedSheet, draft] = await Promise.all([repository.get(id), repository.getDraft(id)])
      if (!storedSheet) {
        status.value = 'not-found'
        return
      }
      // Drafts written before this field existed have no base: they were made from the stored version.
      const currentDraft =
        draft && (draft.baseUpdatedAt ?? storedSheet.updatedAt) === storedSheet.updatedAt ? draft : undefined
      staleDraft.value = draft && !currentDraft ? draft.content : null
      conflict.value = null
      refreshedFromElsewhere.value = false
      if (currentDraft) {
        const pair = currentDraft.rowKeys
        const [draftKeys, baseKeys] =
          pair && keysFit(pair.draft, currentDraft.content) && keysFit(pair.stored, storedSheet)
            ? renumberKeys(pair.draft, pair.stored)
            : (() => {
                const keys = keysFor(storedSheet)
                return [pairKeys(currentDraft.content, storedSheet, keys), keys]
              })()
        showWorkingCopy(currentDraft.content, draftKeys!, storedSheet, baseKeys!)
      } else showStored(storedSheet)
      draftRestored.value = Boolean(currentDraft)
      lastSavedAt.value = new Date(currentDraft?.savedAt ?? storedSheet.updatedAt)
      saveState.value = currentDraft ? settledState() : 'saved'
      status.value = 'ready'
      stopObserving?.()
      stopObserving = repository.observeSheet(id, onStoredChange)
    } catch (error) {
      loadError.value = error
      status.value = 'error'
    }
  }

  /** Another tab (or a later write of ours) changed the stored sheet. */
  function onStoredChange(update: Sheet | undefined) {
    if (!update || !sheet.value || !stored.value || update.id !== sheet.value.id) return
    // Our own save is under way: its result, not this notification, moves the base.
    if (saveState.value === 'saving' || update.updatedAt === stored.value.updatedAt) return
    const untouched = saveState.value === 'saved' && fingerprint(sheet.value) === fingerprint(stored.value)
    if (untouched) {
      showStored(update)
      refreshedFromElsewhere.value = true
      // The offer is re-read on the next opening: the draft may be gone, saved by the tab that made it.
      staleDraft.value = null
    } else {
      conflict.value = update
      saveState.value = 'conflict'
    }
  }

  /** Brings back unsaved edits made from an older version; the person then chooses between the two. */
  function restoreStaleDraft() {
    const draft = staleDraft.value
    if (!draft || !sheet.value || !stored.value) return
    staleDraft.value = null
    conflict.value = stored.value
    showWorkingCopy(draft, keysFor(draft), stored.value, storedKeys.value ?? keysFor(stored.value))
    saveState.value = 'conflict'
  }

  /** The person's answer to "cette fiche a été modifiée dans un autre onglet". */
  async function resolveConflict(keep: 'mine' | 'theirs') {
    const theirs = conflict.value
    if (!theirs || !sheet.value) return
    conflict.value = null
    if (keep === 'theirs') {
      showStored(theirs)
      saveState.value = 'saved'
      await sheetsRepository().discardDraft(theirs.id)
    } else {
      // Mine is written over theirs: their rows are not ours, so they get keys of their own.
      stored.value = theirs
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
      await repository.saveDraft(working, base.updatedAt, { draft: keys, stored: baseKeys })
      return
    }
    if (workingPrint === writtenFingerprint) {
      if (saveState.value === 'pending') saveState.value = settledState()
      return
    }
    const next = savableSheet(working, keys, base, baseKeys)
    const keepDraft = fingerprint(next.sheet) !== workingPrint
    saveState.value = 'saving'
    try {
      if (fingerprint(next.sheet) === fingerprint(base)) {
        // Nothing new that is valid: only the draft changes.
        if (keepDraft) await repository.saveDraft(working, base.updatedAt, { draft: keys, stored: baseKeys })
        else await repository.discardDraft(working.id)
      } else {
        const result = await repository.save(next.sheet, {
          expectedUpdatedAt: base.updatedAt,
          draft: keepDraft ? { content: working, rowKeys: { draft: keys, stored: next.keys } } : undefined,
        })
        if (isSaveConflict(result)) {
          await repository.saveDraft(working, base.updatedAt, { draft: keys, stored: baseKeys })
          conflict.value = result.conflict
          saveState.value = 'conflict'
          return
        }
        if (!result.ok) throw new Error('The savable sheet did not validate')
        stored.value = result.sheet
        storedKeys.value = next.keys
        if (sheet.value?.id === working.id) sheet.value.updatedAt = result.sheet.updatedAt
        void useStorageStatusStore().ensurePersistence()
      }
      writtenFingerprint = workingPrint
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
    if (!conflict.value && fingerprint(sheet.value) !== writtenFingerprint) saveState.value = 'pending'
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
    edit({ kind: 'field', path, value })
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
    draftRestored,
    staleDraft,
    restoreStaleDraft,
    conflict,
    refreshedFromElsewhere,
    resolveConflict,
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
  }
})
