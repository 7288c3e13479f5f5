// What the library shows of a sheet, small enough to list thousands without loading whole sheets.
import { scoreArrays, scoresByTheme } from './grid'
import type { Sheet } from './sheet'
import type { DecisionStatus, Phase } from './vocabulary'

export interface SheetSummary {
  id: string
  title: string
  /** The short name (format v3), '' when the sheet has none. */
  shortLabel: string
  organisation: string
  /** « Rédigée par »: a facilitator tells whose sheet is whose. */
  author: string
  phase: Phase
  /** The theme or commission the project belongs to. */
  domain: string
  /** Where the project stands after the committee: the library card shows it. */
  decision: DecisionStatus
  tags: string[]
  createdAt: string
  updatedAt: string
  /** Scores in theme order, so the library can draw a thumbnail and compute the indicators. */
  prototype: (number | null)[]
  scaleUp: (number | null)[]
  /** Lower-cased, accent-free title, short name, organisation and tags: what the library search matches. */
  searchText: string
}

/** Lower case without diacritics, so "Mobilité" matches "mobilite". */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

export function summarise(sheet: Sheet): SheetSummary {
  return {
    id: sheet.id,
    title: sheet.project.title,
    shortLabel: sheet.project.shortLabel,
    organisation: sheet.organisation,
    author: sheet.author,
    phase: sheet.phase,
    domain: sheet.project.domain,
    decision: sheet.decision.status,
    tags: [...sheet.tags],
    createdAt: sheet.createdAt,
    updatedAt: sheet.updatedAt,
    ...scoreArrays(sheet.radar),
    searchText: normaliseForSearch([sheet.project.title, sheet.project.shortLabel, sheet.organisation, sheet.author, ...sheet.tags].join('\n')),
  }
}

/** The radar scores of a summary, keyed by theme again. */
export function summaryScores(summary: Pick<SheetSummary, 'prototype' | 'scaleUp'>) {
  return scoresByTheme(summary)
}
