// Radars side by side: several sheets on one radar (one axis at a time), and the table of their 20 scores and two
// indicators. Pure: the chart configuration and the table's rows are unit tested in node.
import type { ChartData, ChartOptions, PointStyle } from 'chart.js'
import { computeIndicators, SCORE_AXES, THEME_IDS, THEME_LABELS, type RadarScores, type ScoreAxis } from '@/domain/grid'
import { buildRadarOptions, type RadarChartLabels, type RadarVariant } from './radar-chart'
import { compareTitles } from './format'

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
  radar: RadarScores
}

const SIZES: Readonly<Record<RadarVariant, { line: number; point: number; legend: number }>> = {
  screen: { line: 2, point: 5, legend: 13 },
  print: { line: 2, point: 5, legend: 11 },
  image: { line: 4, point: 9, legend: 20 },
}

/** The legend's name of a sheet: its title, shortened between words beyond `max` characters. */
export function legendTitle(title: string, max = 48): string {
  if (title.length <= max) return title
  const cut = title.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** Every sheet as one series of the chosen axis, unfilled so that shapes stay visible through each other. */
export function buildComparisonData(
  sheets: readonly ComparedSheet[],
  axis: ScoreAxis,
  variant: RadarVariant = 'screen',
): ChartData<'radar', (number | null)[], string> {
  const size = SIZES[variant]
  return {
    labels: THEME_IDS.map((id) => THEME_LABELS[id]),
    datasets: sheets.slice(0, MAX_COMPARED).map((sheet, index) => {
      const style = COMPARISON_STYLES[index]!
      return {
        label: legendTitle(sheet.title),
        data: THEME_IDS.map((id) => sheet.radar[id][axis]),
        borderColor: style.color,
        backgroundColor: 'rgba(0, 0, 0, 0)',
        pointBackgroundColor: style.color,
        pointBorderColor: style.color,
        pointStyle: style.point,
        pointRadius: size.point,
        pointHoverRadius: size.point + 2,
        borderWidth: size.line,
        borderDash: style.dash.map((length) => (length * size.line) / 2),
        fill: false,
        spanGaps: false,
      }
    }),
  }
}

/** The radar's own options (scale, rings, axis labels), with a legend of the sheets' titles. */
export function buildComparisonOptions(
  labels: RadarChartLabels,
  variant: RadarVariant = 'screen',
  options: { animate?: boolean; compact?: boolean } = {},
): ChartOptions<'radar'> {
  const base = buildRadarOptions(labels, variant, options)
  const size = SIZES[variant]
  return {
    ...base,
    plugins: {
      ...base.plugins,
      legend: {
        display: true,
        position: variant === 'image' ? 'right' : 'bottom',
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
    return { id: sheet.id, title: sheet.title, values }
  })
}

export type SortDirection = 'ascending' | 'descending'

/** Rows sorted by one column ('title' or a column key); unassessed values always last, ties by title. */
export function sortComparisonRows(rows: readonly ComparisonRow[], key: string, direction: SortDirection): ComparisonRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (key === 'title') return sign * compareTitles(a.title, b.title)
    const x = a.values[key] ?? null
    const y = b.values[key] ?? null
    if (x === null || y === null) return x === y ? compareTitles(a.title, b.title) : x === null ? 1 : -1
    return x === y ? compareTitles(a.title, b.title) : sign * (x - y)
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

/** The score columns whose spread is the largest (at least 2 levels apart), at most `count` of them. */
export function mostDivergentScores(rows: readonly ComparisonRow[], count = 3): string[] {
  const spreads = columnSpreads(rows)
  return COMPARISON_COLUMNS.filter((column) => column.kind === 'score')
    .map((column) => ({ key: columnKey(column), spread: spreads.get(columnKey(column)) ?? null }))
    .filter((entry): entry is { key: string; spread: number } => entry.spread !== null && entry.spread >= 2)
    .sort((a, b) => b.spread - a.spread)
    .slice(0, count)
    .map((entry) => entry.key)
}
