// The sheet being edited: its working copy, its validation issues and its save state.
// The working copy may be invalid while a person types; it is then kept as a draft, never written as the sheet.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ScoreAxis, ThemeId } from '@/domain/grid'
import { validateSheet, type Sheet } from '@/domain/sheet'
import { isQuotaError, sheetsRepository } from '@/storage'
import { toFieldIssues, type FieldIssue } from '@/domain/field-issues'

export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error'

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
  let persistedFingerprint = ''
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
      persistedFingerprint = fingerprint(draft?.content ?? stored)
      sheet.value = draft?.content ?? stored
      draftRestored.value = Boolean(draft)
      lastSavedAt.value = new Date(draft?.savedAt ?? stored.updatedAt)
      saveState.value = draft ? 'invalid' : 'saved'
      status.value = 'ready'
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error)
      status.value = 'error'
    }
  }

  function close() {
    sheet.value = null
    status.value = 'idle'
  }

  /** Called on every edit; the autosave decides when to call save(). */
  function markChanged() {
    if (sheet.value && fingerprint(sheet.value) !== persistedFingerprint) saveState.value = 'pending'
  }

  async function writeSnapshot(snapshot: Sheet) {
    const print = fingerprint(snapshot)
    if (print === persistedFingerprint) {
      if (saveState.value === 'pending') saveState.value = validation.value?.ok === false ? 'invalid' : 'saved'
      return
    }
    saveState.value = 'saving'
    try {
      const repository = sheetsRepository()
      const result = await repository.save(snapshot)
      if (result.ok) {
        if (sheet.value?.id === snapshot.id) sheet.value.updatedAt = result.sheet.updatedAt
        saveState.value = 'saved'
      } else {
        await repository.saveDraft(snapshot)
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
