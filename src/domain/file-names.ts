// Every file the app writes to the person's disk is named here: lower-case ASCII (slugify), so that a name survives
// a USB stick, a mail attachment and an old intranet; dated with the device's calendar day where a date tells
// files apart. docs/exchange-format.md lists the JSON ones.
import { calendarDay } from './calendar-day'
import type { Sheet } from './sheet'
import { slugify } from './titles'
import type { Vote } from './vote'

/**
 * `fiche-<title>.json` for one sheet, `fiches-<yyyy-mm-dd>.json` for several, and
 * `fiches-<yyyy-mm-dd>-partie-<n>-sur-<total>.json` for the parts of a backup too big for one file.
 */
export function sheetsFileName(sheets: readonly Pick<Sheet, 'project'>[], date: Date, part?: { index: number; total: number }): string {
  if (part && part.total > 1) return `fiches-${calendarDay(date)}-partie-${part.index}-sur-${part.total}.json`
  if (sheets.length === 1) return `fiche-${slugify(sheets[0]!.project.title)}.json`
  return `fiches-${calendarDay(date)}.json`
}

/** `fiches-<yyyy-mm-dd>.csv`: sheets picked in the library, as a spreadsheet. */
export function sheetsSpreadsheetFileName(date: Date): string {
  return `fiches-${calendarDay(date)}.csv`
}

/** `atelier-<title>.json` (the workshop with its sheets) or `atelier-<title>.csv` (its sheets as a spreadsheet). */
export function workshopFileName(title: string, extension: 'json' | 'csv'): string {
  return `atelier-${slugify(title)}.${extension}`
}

/** `vote-<title>-<yyyy-mm-dd>.json`; a title that starts with « Vote » does not say it twice. */
export function voteFileName(vote: Pick<Vote, 'title' | 'date'>): string {
  const slug = slugify(vote.title).replace(/^vote(-|$)/, '')
  return slug ? `vote-${slug}-${vote.date}.json` : `vote-${vote.date}.json`
}

/** The same vote, blank, for the voters to fill on their own devices. */
export function votersFileName(vote: Pick<Vote, 'title' | 'date'>): string {
  return voteFileName(vote).replace(/\.json$/, '-electeurs.json')
}

/** `bulletin-<organisation>-<yyyy-mm-dd>.json`. */
export function ballotFileName(vote: Pick<Vote, 'date'>, organisation: string): string {
  return `bulletin-${slugify(organisation)}-${vote.date}.json`
}

/** `resultats-<title>-<yyyy-mm-dd>.csv` or `.png`. */
export function voteResultsFileName(vote: Pick<Vote, 'title' | 'date'>, extension: 'csv' | 'png'): string {
  return `resultats-${slugify(vote.title)}-${vote.date}.${extension}`
}

/** `radar-<title>.png`: one sheet's radar. */
export function radarImageFileName(title: string): string {
  return `radar-${slugify(title)}.png`
}

/** `comparaison-<name>-prototype.png` or `-passage-echelle.png`: the sheets compared on one axis. */
export function comparisonImageFileName(name: string, axis: 'prototype' | 'scaleUp'): string {
  return `comparaison-${slugify(name)}-${axis === 'prototype' ? 'prototype' : 'passage-echelle'}.png`
}

/** `matrice-<name>.png`: the portfolio matrix. */
export function matrixImageFileName(name: string): string {
  return `matrice-${slugify(name)}.png`
}
