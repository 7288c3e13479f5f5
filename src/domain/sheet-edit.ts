// Every change a person can make to a sheet, as typed paths and one function that applies them. The editor store
// is the only caller: components name the change, the store applies it here, so a sheet is edited one way only.
//
// Edits mutate the working copy in place, on purpose: list rows keep their object identity, so Vue keeps their
// DOM (and the keyboard focus) while a person types in them. Each list also has a parallel array of row keys,
// moved with its rows, that names a row for the whole editing session: it tells which stored row an edited row
// comes from (see savable-sheet.ts) and which rows were just added.
import { SCORE_AXES, scoreArrays, scoresByTheme, THEME_IDS, type ScoreAxis, type ThemeId } from './grid'
import type {
  BudgetLine,
  Dataset,
  Decision,
  ImpactIndicator,
  Milestone,
  RadarSnapshot,
  Sheet,
  Stakeholder,
  Territory,
} from './sheet'
import { LIMITS, type DecisionStatus, type LegalTopic, type Origin, type Phase } from './vocabulary'

/** The lists of a sheet, by their path in the format. */
export const LIST_PATHS = [
  'tags',
  'project.calendar.milestones',
  'project.stakeholders',
  'project.objectives',
  'project.territories',
  'project.budget.lines',
  'project.impact.indicators',
  'data.datasets',
] as const

export type ListPath = (typeof LIST_PATHS)[number]

/** The row type of each list. */
interface ListItems {
  tags: string
  'project.calendar.milestones': Milestone
  'project.stakeholders': Stakeholder
  'project.objectives': string
  'project.territories': Territory
  'project.budget.lines': BudgetLine
  'project.impact.indicators': ImpactIndicator
  'data.datasets': Dataset
}

export type ListItem<L extends ListPath> = ListItems[L]
/** Lists whose rows are objects with named fields. */
export type RecordListPath = { [L in ListPath]: ListItems[L] extends string ? never : L }[ListPath]
/** Lists whose rows are single texts. */
export type TextListPath = Exclude<ListPath, RecordListPath>

type LegalFields = { [T in LegalTopic as `data.legal.${T}.status`]: Sheet['data']['legal'][T]['status'] } & {
  [T in LegalTopic as `data.legal.${T}.notes`]: string
}

/** The single-valued fields of a sheet, by path, with the type each holds. */
export type FieldValues = {
  'project.title': string
  'project.shortLabel': string
  organisation: string
  author: string
  phase: Phase
  origin: Origin | null
  'project.problem': string
  'project.domain': string
  'project.description': string
  'project.calendar.start': string | null
  'project.calendar.end': string | null
  'project.budget.total': number | null
  'project.budget.funding': string
  'project.impact.notes': string
  'data.ethics': string
  'decision.status': DecisionStatus
  'decision.reason': string
  'decision.decidedAt': string | null
} & LegalFields

export type FieldPath = keyof FieldValues

export type SheetEdit =
  | { kind: 'field'; path: FieldPath; value: unknown }
  | { kind: 'row'; list: ListPath; index: number; value: unknown }
  | { kind: 'row-field'; list: RecordListPath; index: number; field: string; value: unknown }
  | { kind: 'add-row'; list: ListPath; row?: unknown }
  | { kind: 'insert-row'; list: ListPath; index: number; row: unknown; key: number }
  | { kind: 'move-row'; list: ListPath; from: number; to: number }
  | { kind: 'remove-row'; list: ListPath; index: number }
  | { kind: 'score'; theme: ThemeId; axis: ScoreAxis; value: number | null }
  | { kind: 'comment'; theme: ThemeId; text: string }
  /** Saves the radar's current scores as a snapshot (refused beyond LIMITS.snapshots). */
  | { kind: 'add-snapshot'; snapshot: RadarSnapshot }
  | { kind: 'insert-snapshot'; index: number; snapshot: RadarSnapshot }
  | { kind: 'remove-snapshot'; id: string }
  /** Replaces the whole decision, history included: a change of status (decision.ts) or its « Annuler ». */
  | { kind: 'decision'; decision: Decision }

/** A row taken out of a list, kept so that "Annuler" can put it back where it was. */
export interface RemovedRow {
  list: ListPath
  index: number
  row: unknown
  key: number
}

/** Row keys of every list, parallel to its rows. */
export type RowKeys = Record<ListPath, number[]>

let lastKey = 0
/** A key no other row of this page has had. */
function newRowKey(): number {
  lastKey += 1
  return lastKey
}

/** Fresh keys for every row of a sheet (a sheet just opened). */
export function keysFor(sheet: Sheet): RowKeys {
  return Object.fromEntries(LIST_PATHS.map((list) => [list, listAt(sheet, list).map(() => newRowKey())])) as RowKeys
}

export function copyKeys(keys: RowKeys): RowKeys {
  return Object.fromEntries(LIST_PATHS.map((list) => [list, [...keys[list]]])) as RowKeys
}

/** Whether stored keys still fit the sheet they were saved with (a draft written by an older version has none). */
export function keysFit(keys: unknown, sheet: Sheet): keys is RowKeys {
  if (typeof keys !== 'object' || keys === null) return false
  return LIST_PATHS.every((list) => {
    const listKeys = (keys as Record<string, unknown>)[list]
    return Array.isArray(listKeys) && listKeys.length === listAt(sheet, list).length
  })
}

function containerOf(sheet: Sheet, path: string): { parent: Record<string, unknown>; key: string } {
  const segments = path.split('.')
  const key = segments.pop()!
  let parent = sheet as unknown as Record<string, unknown>
  for (const segment of segments) parent = parent[segment] as Record<string, unknown>
  return { parent, key }
}

/** The live array of a list (mutating it changes the sheet). */
export function listAt<L extends ListPath>(sheet: Sheet, list: L): ListItem<L>[] {
  const { parent, key } = containerOf(sheet, list)
  return parent[key] as ListItem<L>[]
}

/** A new, empty row of a list, with the defaults a person then changes. */
export function newRow<L extends ListPath>(list: L): ListItem<L> {
  const rows: { [K in ListPath]: () => ListItems[K] } = {
    tags: () => '',
    'project.calendar.milestones': () => ({ label: '', date: null }),
    'project.stakeholders': () => ({ name: '', organisation: '', role: 'partenaire', internal: false }),
    'project.objectives': () => '',
    'project.territories': () => ({ name: '', code: '' }),
    'project.budget.lines': () => ({ label: '', amount: 0 }),
    'project.impact.indicators': () => ({ name: '', baseline: '', target: '' }),
    'data.datasets': () => ({ name: '', description: '', owner: '', access: 'interne', personal: 'non', notes: '' }),
  }
  return rows[list]()
}

/** A row nobody has filled in: every text blank, every other value still its default. */
export function isBlankRow(list: ListPath, row: unknown): boolean {
  if (typeof row === 'string') return row.trim() === ''
  if (typeof row !== 'object' || row === null) return false
  const blank = newRow(list) as Record<string, unknown>
  // Choices (a role, an access mode) are strings too: left at their default, they say nothing either.
  return Object.entries(row as Record<string, unknown>).every(
    ([field, value]) => value === blank[field] || (typeof value === 'string' && value.trim() === ''),
  )
}

/** The radar's scores as they are now, without the comments: what a snapshot keeps. */
function currentScores(sheet: Sheet): RadarSnapshot['radar'] {
  return scoresByTheme(scoreArrays(sheet.radar))
}

/** A snapshot of the radar as it is now, stamped with the sheet's phase. */
export function takeSnapshot(sheet: Sheet, label: string, now = new Date()): RadarSnapshot {
  return { id: crypto.randomUUID(), takenAt: now.toISOString(), label: label.trim(), phase: sheet.phase, radar: currentScores(sheet) }
}

/** Whether the radar holds the same scores as a snapshot (saving it again would say nothing new). */
export function sameScores(sheet: Sheet, snapshot: RadarSnapshot): boolean {
  return THEME_IDS.every(
    (id) =>
      sheet.radar[id].prototype === snapshot.radar[id].prototype && sheet.radar[id].scaleUp === snapshot.radar[id].scaleUp,
  )
}

/**
 * Applies one edit to the working copy and its row keys, in place. Returns the removed row for a removal, and for
 * a snapshot removed, the snapshot and its place (so "Annuler" can put it back).
 */
export function applyEdit(sheet: Sheet, keys: RowKeys, edit: SheetEdit): { row: unknown; key: number } | undefined {
  switch (edit.kind) {
    case 'field': {
      const { parent, key } = containerOf(sheet, edit.path)
      parent[key] = edit.value
      return undefined
    }
    case 'row': {
      const rows = listAt(sheet, edit.list) as unknown[]
      if (edit.index >= 0 && edit.index < rows.length) rows[edit.index] = edit.value
      return undefined
    }
    case 'row-field': {
      const row = (listAt(sheet, edit.list) as unknown as Record<string, unknown>[])[edit.index]
      if (row) row[edit.field] = edit.value
      return undefined
    }
    case 'add-row': {
      const rows = listAt(sheet, edit.list) as unknown[]
      rows.push(edit.row ?? newRow(edit.list))
      keys[edit.list].push(newRowKey())
      return undefined
    }
    case 'insert-row': {
      const rows = listAt(sheet, edit.list) as unknown[]
      const index = Math.max(0, Math.min(edit.index, rows.length))
      rows.splice(index, 0, edit.row)
      keys[edit.list].splice(index, 0, edit.key)
      return undefined
    }
    case 'move-row': {
      const rows = listAt(sheet, edit.list) as unknown[]
      const { from, to } = edit
      if (from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to) return undefined
      rows.splice(to, 0, rows.splice(from, 1)[0])
      keys[edit.list].splice(to, 0, keys[edit.list].splice(from, 1)[0]!)
      return undefined
    }
    case 'remove-row': {
      const rows = listAt(sheet, edit.list) as unknown[]
      if (edit.index < 0 || edit.index >= rows.length) return undefined
      const [row] = rows.splice(edit.index, 1)
      const [key] = keys[edit.list].splice(edit.index, 1)
      return { row, key: key! }
    }
    case 'score':
      if (THEME_IDS.includes(edit.theme) && SCORE_AXES.includes(edit.axis)) sheet.radar[edit.theme][edit.axis] = edit.value
      return undefined
    case 'comment':
      if (THEME_IDS.includes(edit.theme)) sheet.radar[edit.theme].comment = edit.text
      return undefined
    case 'add-snapshot':
      if (sheet.snapshots.length < LIMITS.snapshots) sheet.snapshots.push(edit.snapshot)
      return undefined
    case 'insert-snapshot':
      if (sheet.snapshots.length < LIMITS.snapshots && !sheet.snapshots.some((kept) => kept.id === edit.snapshot.id))
        sheet.snapshots.splice(Math.max(0, Math.min(edit.index, sheet.snapshots.length)), 0, edit.snapshot)
      return undefined
    case 'remove-snapshot': {
      const index = sheet.snapshots.findIndex((snapshot) => snapshot.id === edit.id)
      if (index < 0) return undefined
      const [snapshot] = sheet.snapshots.splice(index, 1)
      return { row: snapshot, key: index }
    }
    case 'decision':
      // A copy: the decision given is kept by the caller (to put it back on « Annuler »). It must be plain data.
      sheet.decision = structuredClone(edit.decision)
      return undefined
  }
}

/** The list a field path lies in, with the row's index and the rest of the path ("name"), if it lies in one. */
export function locateInList(path: readonly PropertyKey[]): { list: ListPath; index: number; rest: string[] } | null {
  const dotted = path.map(String)
  for (const list of LIST_PATHS) {
    const segments = list.split('.')
    if (segments.every((segment, position) => dotted[position] === segment) && dotted.length > segments.length) {
      const index = Number(dotted[segments.length])
      if (Number.isInteger(index)) return { list, index, rest: dotted.slice(segments.length + 1) }
    }
  }
  return null
}

/** Gives keys kept from an earlier page (a stored draft) new numbers, so they cannot collide with this page's. */
export function renumberKeys(...keySets: RowKeys[]): RowKeys[] {
  const renumbered = new Map<number, number>()
  const renumber = (key: number) => {
    if (!renumbered.has(key)) renumbered.set(key, newRowKey())
    return renumbered.get(key)!
  }
  return keySets.map((keys) => Object.fromEntries(LIST_PATHS.map((list) => [list, keys[list].map(renumber)])) as RowKeys)
}

/**
 * Keys for a draft saved without them, paired with the stored sheet's: lists of the same length pair by position,
 * otherwise a draft row takes the key of an identical stored row; other rows count as new.
 */
export function pairKeys(draft: Sheet, stored: Sheet, storedKeys: RowKeys): RowKeys {
  return Object.fromEntries(
    LIST_PATHS.map((list) => {
      const draftRows = listAt(draft, list)
      const storedRows = listAt(stored, list)
      if (draftRows.length === storedRows.length) return [list, [...storedKeys[list]]]
      const unused = storedRows.map((row, index) => ({ text: JSON.stringify(row), key: storedKeys[list][index]! }))
      return [
        list,
        draftRows.map((row) => {
          const text = JSON.stringify(row)
          const match = unused.findIndex((candidate) => candidate.text === text)
          return match < 0 ? newRowKey() : unused.splice(match, 1)[0]!.key
        }),
      ]
    }),
  ) as RowKeys
}
