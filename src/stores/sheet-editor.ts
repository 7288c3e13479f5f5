// The sheet being edited: its working copy, its validation issues and its save state.
// The working copy may be invalid while a person types; it is then kept as a draft, never written as the sheet.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ScoreAxis, ThemeId } from '@/domain/grid'
import { validateSheet, type Sheet } from '@/domain/sheet'
import { isQuotaError, isSaveConflict, sheetsRepository } from '@/storage'
import { toFieldIssues, type FieldIssue } from '@/domain/field-issues'
import { useStorageStatusStore } from './storage-status'

export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict'

/** What identifies the content, so that reopening or re-saving an unchanged sheet writes nothing. */
function fingerprint(sheet: Sheet): string {
  return JSON.stringify({ ...sheet, updatedAt: undefined })
}

export const useSheetEditorStore = defineStore('sheet-editor', () => {
  const sheet = ref<Sheet | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'not-found' | 'error'>('idle')
  const loadError = ref('')
  const saveState = ref<SaveState>('saved')
  const saveError = ref<'quota' | string>('')
  const lastSavedAt = ref<Date | null>(null)
  const draftRestored = ref(false)
  /** Unsaved edits made from an older version (e.g. in another tab), offered rather than applied. */
  const staleDraft = shallowRef<Sheet | null>(null)
  /** The version saved in another tab that clashes with this tab's edits, until the person chooses. */
  const conflict = shallowRef<Sheet | null>(null)
  /** True after this tab silently took a newer version saved in another tab (it had no edits of its own). */
  const refreshedFromElsewhere = ref(false)
  let persistedFingerprint = ''
  // The stored updatedAt this working copy is based on: a save is refused if the stored one has moved on.
  let baseUpdatedAt: string | undefined
  let stopObserving: (() => void) | undefined
  // Saves run one after another, so an older snapshot can never overwrite a newer one.
  let saving: Promise<void> = Promise.resolve()

  const validation = computed(() => (sheet.value ? validateSheet(sheet.value) : null))
  const issues = computed<FieldIssue[]>(() =>
    validation.value && !validation.value.ok ? toFieldIssues(validation.value.issues) : [],
  )
  const issuesByPath = computed(() => new Map(issues.value.map((issue) => [issue.path, issue])))

  function issueAt(path: string): FieldIssue | undefined {
    return issuesByPath.value.get(path)
  }

  async function open(id: string) {
    if (sheet.value?.id === id && status.value === 'ready') return
    status.value = 'loading'
    sheet.value = null
    draftRestored.value = false
    try {
      const repository = sheetsRepository()
      const [stored, draft] = await Promise.all([repository.get(id), repository.getDraft(id)])
      if (!stored) {
        status.value = 'not-found'
        return
      }
      // Drafts written before this field existed have no base: they were made from the stored version.
      const currentDraft = draft && (draft.baseUpdatedAt ?? stored.updatedAt) === stored.updatedAt ? draft : undefined
      staleDraft.value = draft && !currentDraft ? draft.content : null
      persistedFingerprint = fingerprint(currentDraft?.content ?? stored)
      baseUpdatedAt = stored.updatedAt
      conflict.value = null
      refreshedFromElsewhere.value = false
      sheet.value = currentDraft?.content ?? stored
      draftRestored.value = Boolean(currentDraft)
      lastSavedAt.value = new Date(currentDraft?.savedAt ?? stored.updatedAt)
      saveState.value = currentDraft ? 'invalid' : 'saved'
      status.value = 'ready'
      stopObserving?.()
      stopObserving = repository.observeSheet(id, onStoredChange)
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error)
      status.value = 'error'
    }
  }

  /** Another tab (or a later write of ours) changed the stored sheet. */
  function onStoredChange(stored: Sheet | undefined) {
    if (!stored || !sheet.value || stored.id !== sheet.value.id) return
    // Our own save is under way: its result, not this notification, moves the base.
    if (saveState.value === 'saving' || stored.updatedAt === baseUpdatedAt) return
    const untouched = saveState.value === 'saved' && fingerprint(sheet.value) === persistedFingerprint
    if (untouched) {
      baseUpdatedAt = stored.updatedAt
      persistedFingerprint = fingerprint(stored)
      sheet.value = stored
      refreshedFromElsewhere.value = true
      // The offer is re-read on the next opening: the draft may be gone, saved by the tab that made it.
      staleDraft.value = null
    } else {
      conflict.value = stored
      saveState.value = 'conflict'
    }
  }

  /** Brings back unsaved edits made from an older version; the person then chooses between the two. */
  function restoreStaleDraft() {
    const draft = staleDraft.value
    if (!draft || !sheet.value) return
    staleDraft.value = null
    conflict.value = sheet.value
    sheet.value = draft
    saveState.value = 'conflict'
  }

  /** The person's answer to "cette fiche a été modifiée dans un autre onglet". */
  async function resolveConflict(keep: 'mine' | 'theirs') {
    const theirs = conflict.value
    if (!theirs || !sheet.value) return
    conflict.value = null
    baseUpdatedAt = theirs.updatedAt
    if (keep === 'theirs') {
      persistedFingerprint = fingerprint(theirs)
      sheet.value = theirs
      saveState.value = 'saved'
      await sheetsRepository().discardDraft(theirs.id)
    } else {
      persistedFingerprint = ''
      await save()
    }
  }

  function close() {
    stopObserving?.()
    stopObserving = undefined
    conflict.value = null
    sheet.value = null
    status.value = 'idle'
  }

  /** Called on every edit; the autosave decides when to call save(). */
  function markChanged() {
    if (conflict.value) return
    if (sheet.value && fingerprint(sheet.value) !== persistedFingerprint) saveState.value = 'pending'
  }

  async function writeSnapshot(snapshot: Sheet) {
    const repository = sheetsRepository()
    // Until the person settles a conflict, edits are kept as a draft, never written over the other version.
    if (conflict.value) {
      await repository.saveDraft(snapshot, baseUpdatedAt)
      return
    }
    const print = fingerprint(snapshot)
    if (print === persistedFingerprint) {
      if (saveState.value === 'pending') saveState.value = validation.value?.ok === false ? 'invalid' : 'saved'
      return
    }
    saveState.value = 'saving'
    try {
      const result = await repository.save(snapshot, { expectedUpdatedAt: baseUpdatedAt })
      if (isSaveConflict(result)) {
        await repository.saveDraft(snapshot, baseUpdatedAt)
        conflict.value = result.conflict
        saveState.value = 'conflict'
        return
      }
      if (result.ok) {
        baseUpdatedAt = result.sheet.updatedAt
        void useStorageStatusStore().ensurePersistence()
        if (sheet.value?.id === snapshot.id) sheet.value.updatedAt = result.sheet.updatedAt
        saveState.value = 'saved'
      } else {
        await repository.saveDraft(snapshot, baseUpdatedAt)
        saveState.value = 'invalid'
      }
      persistedFingerprint = print
      lastSavedAt.value = new Date()
      saveError.value = ''
    } catch (error) {
      saveState.value = 'error'
      saveError.value = isQuotaError(error) ? 'quota' : error instanceof Error ? error.message : String(error)
    }
  }

  /** Writes the current working copy (or its draft), after any save already under way. */
  function save(): Promise<void> {
    if (!sheet.value) return saving
    // A plain copy: IndexedDB cannot clone Vue's reactive proxies, and later edits must not leak into this save.
    const snapshot = JSON.parse(JSON.stringify(sheet.value)) as Sheet
    saving = saving.then(() => writeSnapshot(snapshot))
    return saving
  }

  function setScore(themeId: ThemeId, axis: ScoreAxis, value: number | null) {
    if (sheet.value) sheet.value.radar[themeId][axis] = value
  }

  function setComment(themeId: ThemeId, comment: string) {
    if (sheet.value) sheet.value.radar[themeId].comment = comment
  }

  return {
    sheet,
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
    markChanged,
    save,
    setScore,
    setComment,
  }
})
