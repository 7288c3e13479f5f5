// What another tab changed, and the fields changed on both sides, in words: each field by its name in the form
// (« l’organisation », « la note « Frein au passage à l’échelle » du thème RGPD »), each value as the person typed it.
import type { FieldConflict } from '@/domain/sheet-merge'
import { describeField } from './import-problem'
import { displayText } from './display-text'
import type { HasMessage, Translate } from './translate'

/** Longest value quoted in the question: the field itself shows the whole text once chosen. */
const QUOTED_CHARACTERS = 120

/** A field's value as a short quote: a text, a score, a list's rows; « vide » for nothing. */
function valueText(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('editor.merge.empty')
  if (Array.isArray(value)) {
    if (value.length === 0) return t('editor.merge.empty')
    if (value.every((item) => typeof item === 'string')) return quote(value.join(' ; '))
    return t('editor.merge.rows', { n: value.length }, value.length)
  }
  if (typeof value === 'object') return t('editor.merge.several')
  return quote(String(value))
}

function quote(text: string): string {
  const shown = displayText(text)
  return shown.length <= QUOTED_CHARACTERS ? shown : `${shown.slice(0, QUOTED_CHARACTERS - 1).trimEnd()}…`
}

/** « l’organisation, la description » — the fields another tab changed. */
export function fieldNames(paths: readonly string[], t: Translate, te: HasMessage): string {
  return [...new Set(paths.map((path) => describeField(path, t, te)))].join(', ')
}

/** One line per field changed on both sides: its name, this tab's value, the other tab's. */
export function conflictLines(conflicts: readonly FieldConflict[], t: Translate, te: HasMessage): string[] {
  return conflicts.map((conflict) =>
    t('editor.merge.conflictLine', {
      field: describeField(conflict.path, t, te),
      mine: valueText(conflict.mine, t),
      theirs: valueText(conflict.theirs, t),
    }),
  )
}
