// A vote's results as a spreadsheet (CSV), by the rules of the sheets' export (src/presentation/spreadsheet.ts): UTF-8
// with a byte-order mark, « ; » between cells, CRLF line ends, numbers in French, and every text cell neutralised —
// a group's or a project's name may come from a file received from elsewhere. One row per candidate, group after
// group, in the results' order; a group of sheets without a domain is « Sans domaine », as on the screen.
import type { GroupTally } from '@/domain/vote-count'
import { BYTE_ORDER_MARK, cell, LINE_END, numberCell, SEPARATOR } from './spreadsheet'
import type { Translate } from './translate'

export function voteResultsHeader(t: Translate): string[] {
  return [
    t('vote.csv.group'),
    t('vote.csv.place'),
    t('vote.csv.project'),
    t('vote.csv.points'),
    t('vote.csv.rankedBy'),
    t('vote.csv.firstRanks'),
    t('vote.csv.outcome'),
  ]
}

/** The whole file's text, byte-order mark included. */
export function voteResultsCsv(tallies: readonly GroupTally[], t: Translate): string {
  const lines = [voteResultsHeader(t).map(cell).join(SEPARATOR)]
  for (const tally of tallies)
    for (const row of tally.rows)
      lines.push(
        [
          cell(tally.group.label || t('vote.noDomain')),
          numberCell(row.place),
          cell(row.candidate.label),
          numberCell(row.points),
          numberCell(row.rankedBy),
          numberCell(row.firstRanks),
          cell(t(`vote.outcome.${row.outcome}`)),
        ].join(SEPARATOR),
      )
  return `${BYTE_ORDER_MARK}${lines.join(LINE_END)}${LINE_END}`
}
