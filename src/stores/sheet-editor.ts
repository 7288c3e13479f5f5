// The sheet being edited, as the page sees it: a thin store over two plain parts.
//   - The edit session (domain/edit-session.ts): the working copy, its row keys, the fields to fix, the savable
//     sheet. Components say what changed through the small typed API below; the session applies it.
//   - The saver (storage/sheet-saver.ts): revisions, drafts, the rescue copy, the save queue, other tabs.
// This store makes the session reactive, reports the saver's status, and keeps the one piece of editing state that
// is about the page, not the sheet: the offer to keep the radar as a snapshot after a change of phase.
import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, toRaw, toRefs } from 'vue'
import type { ScoreAxis, ThemeId } from '@/domain/grid'
import { LIMITS, type Decision, type DecisionStatus, type Phase, type RadarSnapshot } from '@/domain/sheet'
import { calendarDay } from '@/domain/calendar-day'
import { changeDecision as decide } from '@/domain/decision'
import {
  applySessionEdit,
  leaveRow as leaveSessionRow,
  savableSheetOf,
  sessionIssues,
  snapshotWorthOffering,
  type EditSession,
} from '@/domain/edit-session'
import {
  takeSnapshot,
  type FieldPath,
  type FieldValues,
  type ListItem,
  type ListPath,
  type RecordListPath,
  type RemovedRow,
  type SheetEdit,
  type TextListPath,
} from '@/domain/sheet-edit'
import type { FieldIssue } from '@/domain/field-issues'
import { sheetsRepository } from '@/storage'
// Storage's second door, for the editor only: the saver brings the sheet's validation (Zod), which the library
// page, reaching storage through its index, must not load.
import { initialSaveStatus, SheetSaver } from '@/storage/sheet-saver'
import { useStorageStatusStore } from './storage-status'

export type { SaveState } from '@/storage/sheet-saver'

export const useSheetEditorStore = defineStore('sheet-editor', () => {
  const session = ref<EditSession | null>(null)
  const saveStatus = shallowReactive(initialSaveStatus())
  /**
   * The phase the person just left, while the radar's state in that phase is not saved yet: the editor offers to
   * save it as a snapshot (« Enregistrer l'état du radar »), so the history of the radar follows the project's.
   */
  const phaseLeft = ref<Phase | null>(null)

  /** The working copy: what the person sees and types. */
  const sheet = computed(() => session.value?.working ?? null)
  const rowKeys = computed(() => session.value?.keys ?? null)
  /** The fields to fix, as shown next to them: the one validation a keystroke costs. */
  const issues = computed<FieldIssue[]>(() => (session.value ? sessionIssues(session.value) : []))
  const issuesByPath = computed(() => new Map(issues.value.map((issue) => [issue.path, issue])))

  const saver = new SheetSaver({
    repository: sheetsRepository,
    // The saver copies the session with structuredClone, which refuses Vue's proxies: it gets the plain object.
    slot: { current: () => toRaw(session.value), show: (shown) => (session.value = shown), hasIssues: () => issues.value.length > 0 },
    status: saveStatus,
    onStored: () => void useStorageStatusStore().ensurePersistence(),
  })

  function issueAt(path: string): FieldIssue | undefined {
    return issuesByPath.value.get(path)
  }

  /**
   * The sheet as it is stored once the pending save is done: every valid edit, each invalid field at its last
   * valid value. Exports, the print view and the radar image use this, so they never hold text that is not valid.
   */
  function savableNow() {
    return session.value ? savableSheetOf(toRaw(session.value)).sheet : null
  }

  async function open(id: string) {
    if (sheet.value?.id === id && saveStatus.status === 'ready') return
    phaseLeft.value = null
    await saver.open(id)
  }

  function close() {
    saver.close()
    phaseLeft.value = null
  }

  function edit(change: SheetEdit) {
    if (!session.value) return undefined
    const removed = applySessionEdit(session.value, change)
    saver.noteEdit()
    return removed
  }

  function setField<P extends FieldPath>(path: P, value: FieldValues[P]) {
    const before = sheet.value?.phase
    edit({ kind: 'field', path, value })
    // After a change of phase: offer to keep the radar as it was, unless there is nothing new to keep.
    if (path === 'phase' && before !== undefined && before !== value && sheet.value)
      phaseLeft.value = snapshotWorthOffering(sheet.value, before)
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

  /** Removes a snapshot; what is returned puts it back in its place (« Annuler »). */
  function removeRadarSnapshot(id: string): { snapshot: RadarSnapshot; index: number } | undefined {
    const removed = edit({ kind: 'remove-snapshot', id })
    return removed && { snapshot: removed.row as RadarSnapshot, index: removed.key }
  }

  function removeRow(list: ListPath, index: number): RemovedRow | undefined {
    const removed = edit({ kind: 'remove-row', list, index })
    return removed && { list, index, ...removed }
  }

  /**
   * A person chose a new decision status: the decision in force joins the history if it said something
   * (decision.ts), the new one is dated today. Returns the decision replaced, which setDecision puts back.
   */
  function changeDecision(status: DecisionStatus, now = new Date()): Decision | undefined {
    const current = sheet.value
    if (!current || current.decision.status === status) return undefined
    const replaced = structuredClone(toRaw(current.decision))
    edit({ kind: 'decision', decision: decide(replaced, { status, day: calendarDay(now), source: 'personne' }) })
    return replaced
  }

  return {
    sheet,
    rowKeys,
    ...toRefs(saveStatus),
    issues,
    issueAt,
    savableNow,
    open,
    close,
    save: () => saver.save(),
    flush: () => saver.flush(),
    rescue: () => saver.rescue(),
    hasUnsavedChanges: () => saver.hasUnsavedChanges(),
    discardIfUntouched: () => saver.discardIfUntouched(),
    restoreStaleDraft: () => saver.restoreStaleDraft(),
    resolveConflict: (keep: 'mine' | 'theirs') => saver.resolveConflict(keep),
    restoreDeleted: () => saver.restoreDeleted(),
    setField,
    setRow: (list: TextListPath, index: number, value: string) => void edit({ kind: 'row', list, index, value }),
    setRowField: <L extends RecordListPath, F extends keyof ListItem<L> & string>(list: L, index: number, field: F, value: ListItem<L>[F]) =>
      void edit({ kind: 'row-field', list, index, field, value }),
    /** Adds a row at the end: an empty one by default, which is not an error until the person leaves it. */
    addRow: <L extends ListPath>(list: L, row?: ListItem<L>) => void edit({ kind: 'add-row', list, row }),
    moveRow: (list: ListPath, from: number, to: number) => void edit({ kind: 'move-row', list, from, to }),
    removeRow,
    /** Puts a removed row back (« Annuler »). */
    restoreRow: (removed: RemovedRow) =>
      void edit({ kind: 'insert-row', list: removed.list, index: removed.index, row: removed.row, key: removed.key }),
    leaveRow: (list: ListPath, index: number) => session.value && leaveSessionRow(session.value, list, index),
    setScore: (theme: ThemeId, axis: ScoreAxis, value: number | null) => void edit({ kind: 'score', theme, axis, value }),
    setComment: (theme: ThemeId, text: string) => void edit({ kind: 'comment', theme, text }),
    changeDecision,
    setDecision: (decision: Decision) => void edit({ kind: 'decision', decision: toRaw(decision) }),
    phaseLeft,
    takeRadarSnapshot,
    declineSnapshotOffer: () => void (phaseLeft.value = null),
    removeRadarSnapshot,
    restoreRadarSnapshot: (removed: { snapshot: RadarSnapshot; index: number }) =>
      void edit({ kind: 'insert-snapshot', index: removed.index, snapshot: removed.snapshot }),
  }
})
