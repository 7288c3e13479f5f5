// Radars side by side: several sheets on one radar (one axis at a time), and the table of their 20 scores and two
// indicators. Pure: the chart configuration and the table's rows are unit tested in node.
import type { ChartData, ChartOptions, PointStyle } from 'chart.js'
import { computeIndicators, SCORE_AXES, THEME_IDS, type RadarScores, type ScoreAxis } from '@/domain/grid'
import { buildRadarOptions, type RadarChartLabels, type RadarVariant } from './radar-chart'
import { compareTitles } from './format'
import type { Sheet } from '@/domain/sheet'
import { displayText, sheetName } from './display-text'
import { participantNames, shortName } from './participants'
import { THEME_LABELS } from '@/content/theme-labels'

/** At most this many sheets on one radar: beyond, no colour, line and shape set stays readable. */
export const MAX_COMPARED = 8
export const MIN_COMPARED = 2

/**
 * One look per compared sheet: a colour (Okabe–Ito, readable by colour-blind people, darkened for white paper), a
 * line pattern and a point shape, so that two sheets never differ by colour alone.
 */
export const COMPARISON_STYLES: readonly { color: string; dash: number[]; point: PointStyle }[] = [
  { color: '#0b5cad', dash: [], point: 'circle' },
  { color: '#c2570c', dash: [10, 5], point: 'rectRot' },
  { color: '#007a5a', dash: [3, 4], point: 'triangle' },
  { color: '#b0307f', dash: [14, 4, 3, 4], point: 'rect' },
  { color: '#8a6100', dash: [6, 3], point: 'star' },
  { color: '#2a8fc4', dash: [2, 2], point: 'crossRot' },
  { color: '#1b1f24', dash: [18, 6], point: 'rectRounded' },
  { color: '#6b3fa0', dash: [8, 3, 2, 3], point: 'cross' },
]

export interface ComparedSheet {
  id: string
  title: string
  /** Its author, else its organisation (participants.ts). */
  who: string
  /** The title, with who wrote it when another compared sheet has the same title. */
  name: string
  radar: RadarScores
}

/** The sheets as the restitution names them: look-alike titles carry who wrote them. */
export function toComparedSheets(sheets: readonly Pick<Sheet, 'id' | 'author' | 'organisation' | 'project' | 'radar'>[]): ComparedSheet[] {
  const names = participantNames(
    sheets.map((sheet) => ({
      id: sheet.id,
      title: sheetName(sheet.project),
      author: displayText(sheet.author),
      organisation: displayText(sheet.organisation),
    })),
  )
  return sheets.map((sheet) => {
    const name = names.get(sheet.id)!
    return { id: sheet.id, title: name.title, who: name.who, name: name.name, radar: sheet.radar }
  })
}

/** Line width, point radius and legend text per variant; 'projector' is read from the back of a room. */
const COMPARISON_SIZES: Readonly<Record<RadarVariant, { line: number; point: number; legend: number }>> = {
  screen: { line: 2, point: 5, legend: 16 },
  projector: { line: 3, point: 7, legend: 20 },
  print: { line: 2, point: 5, legend: 11 },
  image: { line: 4, point: 9, legend: 20 },
}

/** Longest name in the image's legend (the screen's legend is HTML and wraps). */
const IMAGE_LEGEND_CHARACTERS = 44

/** The look of the sheet at this position, line pattern scaled to the line's width: screen, legend and PNG share it. */
export function comparisonStyle(
  index: number,
  variant: RadarVariant = 'screen',
): { color: string; dash: number[]; shape: PointStyle; line: number; radius: number } {
  const style = COMPARISON_STYLES[index % COMPARISON_STYLES.length]!
  const size = COMPARISON_SIZES[variant]
  return {
    color: style.color,
    dash: style.dash.map((length) => (length * size.line) / 2),
    shape: style.point,
    line: size.line,
    radius: size.point,
  }
}

/** Every sheet as one series of the chosen axis, unfilled so that shapes stay visible through each other. */
export function buildComparisonData(
  sheets: readonly ComparedSheet[],
  axis: ScoreAxis,
  variant: RadarVariant = 'screen',
): ChartData<'radar', (number | null)[], string> {
  return {
    labels: THEME_IDS.map((id) => THEME_LABELS[id]),
    datasets: sheets.slice(0, MAX_COMPARED).map((sheet, index) => {
      const style = comparisonStyle(index, variant)
      return {
        label: variant === 'image' ? shortName(sheet, IMAGE_LEGEND_CHARACTERS) : sheet.name,
        data: THEME_IDS.map((id) => sheet.radar[id][axis]),
        borderColor: style.color,
        backgroundColor: 'rgba(0, 0, 0, 0)',
        pointBackgroundColor: style.color,
        pointBorderColor: style.color,
        pointStyle: style.shape,
        pointRadius: style.radius,
        pointHoverRadius: style.radius + 2,
        borderWidth: style.line,
        borderDash: style.dash,
        fill: false,
        spanGaps: false,
      }
    }),
  }
}

/**
 * The radar's own options (scale, rings, axis labels). The image draws the sheets' legend on its right; on screen
 * the legend is the page's own list (ComparisonLegend.vue): it wraps long names, can be read aloud, and a click on it
 * never hides a sheet, so the wall always shows what the PNG shows.
 */
export function buildComparisonOptions(
  labels: RadarChartLabels,
  variant: RadarVariant = 'screen',
  options: { animate?: boolean; compact?: boolean } = {},
): ChartOptions<'radar'> {
  const base = buildRadarOptions(labels, variant, options)
  const size = COMPARISON_SIZES[variant]
  return {
    ...base,
    plugins: {
      ...base.plugins,
      legend: {
        display: variant === 'image',
        position: 'right',
        onClick: () => undefined,
        labels: {
          usePointStyle: true,
          color: '#1b1f24',
          font: { size: size.legend, ...(variant === 'image' ? { family: '"DejaVu Sans", Arial, sans-serif' } : {}) },
          padding: variant === 'image' ? 22 : 12,
        },
      },
    },
  }
}

/** A column of the comparison table: one score, or an indicator. */
export type ComparisonColumn =
  | { kind: 'score'; theme: (typeof THEME_IDS)[number]; axis: ScoreAxis }
  | { kind: 'difficultyIndex' }
  | { kind: 'scaleUpProbability' }

export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = [
  ...THEME_IDS.flatMap((theme) => SCORE_AXES.map((axis) => ({ kind: 'score' as const, theme, axis }))),
  { kind: 'difficultyIndex' },
  { kind: 'scaleUpProbability' },
]

export function columnKey(column: ComparisonColumn): string {
  return column.kind === 'score' ? `${column.theme}.${column.axis}` : column.kind
}

export interface ComparisonRow {
  id: string
  title: string
  /** The title, with who wrote it when it is shared (ComparedSheet.name). */
  name: string
  who: string
  /** By column key; null when not assessed. */
  values: Readonly<Record<string, number | null>>
}

export function comparisonRows(sheets: readonly ComparedSheet[]): ComparisonRow[] {
  return sheets.map((sheet) => {
    const indicators = computeIndicators(sheet.radar)
    const values: Record<string, number | null> = {}
    for (const column of COMPARISON_COLUMNS) {
      const key = columnKey(column)
      if (column.kind === 'score') values[key] = sheet.radar[column.theme][column.axis]
      else values[key] = indicators[column.kind]
    }
    return { id: sheet.id, title: sheet.title, name: sheet.name, who: sheet.who, values }
  })
}

export type SortDirection = 'ascending' | 'descending'

/**
 * Rows sorted by one column ('title', 'who' or a column key); unassessed values always last, ties by name (title,
 * then who wrote it).
 */
export function sortComparisonRows(rows: readonly ComparisonRow[], key: string, direction: SortDirection): ComparisonRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  const byName = (a: ComparisonRow, b: ComparisonRow) => compareTitles(a.name, b.name)
  return [...rows].sort((a, b) => {
    if (key === 'title') return sign * byName(a, b)
    if (key === 'who') return sign * compareTitles(a.who, b.who) || byName(a, b)
    const x = a.values[key] ?? null
    const y = b.values[key] ?? null
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
    return x === y ? byName(a, b) : sign * (x - y)
  })
}

/**
 * The gap between the highest and lowest value of each column among the sheets that assessed it (null when fewer
 * than two did): where the sheets differ most is what a restitution discusses first.
 */
export function columnSpreads(rows: readonly ComparisonRow[]): Map<string, number | null> {
  const spreads = new Map<string, number | null>()
  for (const column of COMPARISON_COLUMNS) {
    const key = columnKey(column)
    const values = rows.map((row) => row.values[key]).filter((value): value is number => value !== null && value !== undefined)
    spreads.set(key, values.length < 2 ? null : Math.max(...values) - Math.min(...values))
  }
  return spreads
}

/**
 * The score columns whose spread is the largest (at least 2 levels apart): the `count` largest, and every column
 * tied with the last of them — a tie is never broken by the columns' order, which would name one disagreement and
 * hide another just as wide (a 3-3-3-3-0 column is as divergent as a 0-0-3-3-3 one).
 */
export function mostDivergentScores(rows: readonly ComparisonRow[], count = 3): string[] {
  const spreads = columnSpreads(rows)
  const ranked = COMPARISON_COLUMNS.filter((column) => column.kind === 'score')
    .map((column) => ({ key: columnKey(column), spread: spreads.get(columnKey(column)) ?? null }))
    .filter((entry): entry is { key: string; spread: number } => entry.spread !== null && entry.spread >= 2)
    .sort((a, b) => b.spread - a.spread)
  const cut = ranked[Math.min(count, ranked.length) - 1]?.spread
  return ranked.filter((entry, index) => index < count || entry.spread === cut).map((entry) => entry.key)
}
