// A SheetEditing for component tests of the form parts: the domain's own applyEdit on a reactive sheet, without
// the editor store and its saving.
import { reactive } from 'vue'
import { createSheet, type Sheet } from '@/domain/sheet'
import { applyEdit, keysFor, listAt, type ListPath } from '@/domain/sheet-edit'
import { calendarDay } from '@/domain/calendar-day'
import { changeDecision } from '@/domain/decision'
import { sheetEditingKey, type SheetEditing } from '@/composables/useSheetEditing'
import type { Plugin } from 'vue'

export function createSheetEditingDouble(sheet: Sheet = createSheet({ title: 'Fiche de test' })) {
  const state = reactive({ sheet, keys: keysFor(sheet), left: [] as { list: ListPath; index: number }[] })
  const edit = (change: Parameters<typeof applyEdit>[2]) => applyEdit(state.sheet, state.keys, change)
  const editing: SheetEditing = {
    setField: (path, value) => void edit({ kind: 'field', path, value }),
    changeDecision: (status) => {
      if (state.sheet.decision.status === status) return undefined
      const replaced = JSON.parse(JSON.stringify(state.sheet.decision)) as Sheet['decision']
      edit({ kind: 'decision', decision: changeDecision(replaced, { status, day: calendarDay(new Date()), source: 'personne' }) })
      return replaced
    },
    setDecision: (decision) => void edit({ kind: 'decision', decision }),
    setRow: (list, index, value) => void edit({ kind: 'row', list, index, value }),
    setRowField: (list, index, field, value) => void edit({ kind: 'row-field', list, index, field, value }),
    addRow: (list, row) => void edit({ kind: 'add-row', list, row }),
    moveRow: (list, from, to) => void edit({ kind: 'move-row', list, from, to }),
    removeRow: (list, index) => {
      const removed = edit({ kind: 'remove-row', list, index })
      return removed && { list, index, ...removed }
    },
    restoreRow: (removed) => void edit({ kind: 'insert-row', ...removed }),
    leaveRow: (list, index) => void state.left.push({ list, index }),
    setScore: (theme, axis, value) => void edit({ kind: 'score', theme, axis, value }),
    setComment: (theme, text) => void edit({ kind: 'comment', theme, text }),
    rowKeys: (list) => state.keys[list],
  }
  return { state, editing, rows: <L extends ListPath>(list: L) => listAt(state.sheet, list) }
}

/** Provides a SheetEditing to every component of a test's app, as the sheet view does for its form. */
export function provideEditing(editing: SheetEditing): Plugin {
  return { install: (app) => void app.provide(sheetEditingKey, editing) }
}

/** A SheetEditing that records the scores and comments it is given, for the radar's components. */
export function recordingScores() {
  const scores: [string, string, number | null][] = []
  const comments: [string, string][] = []
  const { editing } = createSheetEditingDouble()
  const recording: SheetEditing = {
    ...editing,
    setScore: (theme, axis, value) => void scores.push([theme, axis, value]),
    setComment: (theme, text) => void comments.push([theme, text]),
  }
  return { scores, comments, plugin: provideEditing(recording) }
}
