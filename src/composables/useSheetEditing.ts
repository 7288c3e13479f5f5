// How the sheet's form components report a change: the sheet view provides the editor store's typed edit API, and
// components call it instead of writing into the sheet. Only the store changes a sheet.
import { inject, provide, type InjectionKey } from 'vue'
import type { ScoreAxis, ThemeId } from '@/domain/grid'
import type { Decision } from '@/domain/sheet'
import type { DecisionStatus } from '@/domain/vocabulary'
import type {
  FieldPath,
  FieldValues,
  ListItem,
  ListPath,
  RecordListPath,
  RemovedRow,
  TextListPath,
} from '@/domain/sheet-edit'

export interface SheetEditing {
  setField<P extends FieldPath>(path: P, value: FieldValues[P]): void
  /** A person's new decision status (decision.ts); returns the decision it replaced, for « Annuler ». */
  changeDecision(status: DecisionStatus): Decision | undefined
  /** Puts a whole decision back, history included (« Annuler »). */
  setDecision(decision: Decision): void
  setRow(list: TextListPath, index: number, value: string): void
  setRowField<L extends RecordListPath, F extends keyof ListItem<L> & string>(
    list: L,
    index: number,
    field: F,
    value: ListItem<L>[F],
  ): void
  addRow<L extends ListPath>(list: L, row?: ListItem<L>): void
  moveRow(list: ListPath, from: number, to: number): void
  removeRow(list: ListPath, index: number): RemovedRow | undefined
  restoreRow(removed: RemovedRow): void
  leaveRow(list: ListPath, index: number): void
  /** A theme's score on one axis (null: « non évalué »), as every other field: the same door to the editor. */
  setScore(theme: ThemeId, axis: ScoreAxis, value: number | null): void
  setComment(theme: ThemeId, text: string): void
  /** Stable keys of a list's rows, so that moving a row moves its DOM (and the focus) with it. */
  rowKeys(list: ListPath): readonly number[]
}

/** Exported for tests, which provide a double on the app: the sheet view provides the store with provideSheetEditing. */
export const sheetEditingKey: InjectionKey<SheetEditing> = Symbol('sheet-editing')

export function provideSheetEditing(editing: SheetEditing): void {
  provide(sheetEditingKey, editing)
}

export function useSheetEditing(): SheetEditing {
  const editing = inject(sheetEditingKey)
  if (!editing) throw new Error('useSheetEditing() needs provideSheetEditing() in a parent (the sheet view)')
  return editing
}
