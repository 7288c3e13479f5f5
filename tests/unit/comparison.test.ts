import { describe, expect, it } from 'vitest'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import {
  buildComparisonData,
  buildComparisonOptions,
  columnSpreads,
  COMPARISON_STYLES,
  comparisonRows,
  legendTitle,
  MAX_COMPARED,
  mostDivergentScores,
  sortComparisonRows,
  type ComparedSheet,
} from '@/presentation/comparison'
import { radarChartLabels } from '@/presentation/radar-chart'
import { testTranslate } from '../i18n'

function radarOf(prototype: (number | null)[], scaleUp: (number | null)[]): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null, comment: '' }]),
  ) as unknown as Record<ThemeId, RadarScores[ThemeId]>
}
const flat = (value: number | null) => Array<number | null>(10).fill(value)
const sheet = (id: string, prototype: (number | null)[], scaleUp: (number | null)[]): ComparedSheet => ({
  id,
  title: `Projet ${id}`,
  radar: radarOf(prototype, scaleUp),
})

describe('comparison radar', () => {
  it('gives each of 8 sheets its own colour, line pattern and point shape', () => {
    expect(COMPARISON_STYLES).toHaveLength(MAX_COMPARED)
    for (const key of ['color', 'point'] as const) expect(new Set(COMPARISON_STYLES.map((style) => style[key])).size).toBe(MAX_COMPARED)
    expect(new Set(COMPARISON_STYLES.map((style) => style.dash.join(','))).size).toBe(MAX_COMPARED)
  })

  it('draws one unfilled series per sheet on the chosen axis, gaps left for unassessed scores, 8 at most', () => {
    const sheets = Array.from({ length: 9 }, (_, index) => sheet(String(index), flat(index % 5), [null, ...flat(1).slice(1)]))
    const prototype = buildComparisonData(sheets, 'prototype')
    expect(prototype.datasets).toHaveLength(8)
    expect(prototype.datasets[3]!.data).toEqual(flat(3))
    expect(prototype.datasets.every((dataset) => dataset.fill === false)).toBe(true)
    const scaleUp = buildComparisonData(sheets, 'scaleUp')
    expect(scaleUp.datasets[0]!.data[0]).toBeNull()
    expect(scaleUp.datasets[0]!.label).toBe('Projet 0')
  })

  it('names sheets in the legend by title, shortened between words', () => {
    expect(legendTitle('Court')).toBe('Court')
    const long = 'Analyser les flux de déplacements et optimiser les transports en exploitant les données mobiles'
    const short = legendTitle(long)
    expect(short.length).toBeLessThanOrEqual(48)
    expect(short.endsWith('…')).toBe(true)
    expect(long.startsWith(short.slice(0, -1))).toBe(true)
  })

  it('shows a legend on screen and in the image, beside the chart in the image', () => {
    const labels = radarChartLabels(testTranslate().t)
    expect(buildComparisonOptions(labels).plugins?.legend?.display).toBe(true)
    expect(buildComparisonOptions(labels, 'image').plugins?.legend?.position).toBe('right')
  })
})

describe('comparison table', () => {
  const sheets = [
    sheet('a', flat(1), flat(1)),
    sheet('b', flat(3), [4, ...flat(2).slice(1)]),
    sheet('c', flat(2), flat(null)),
  ]

  it('holds the 20 scores and both indicators of each sheet', () => {
    const [a, b, c] = comparisonRows(sheets)
    expect(Object.keys(a!.values)).toHaveLength(22)
    expect(a!.values['datamining.prototype']).toBe(1)
    expect(a!.values.difficultyIndex).toBe(25)
    expect(a!.values.scaleUpProbability).toBe(75)
    // A critical obstacle caps the probability at 25 %.
    expect(b!.values.scaleUpProbability).toBe(25)
    expect(c!.values.scaleUpProbability).toBeNull()
  })

  it('sorts by any column either way, unassessed values last whichever the direction', () => {
    const rows = comparisonRows(sheets)
    const order = (key: string, direction: 'ascending' | 'descending') =>
      sortComparisonRows(rows, key, direction).map((row) => row.id)
    expect(order('scaleUpProbability', 'descending')).toEqual(['a', 'b', 'c'])
    expect(order('scaleUpProbability', 'ascending')).toEqual(['b', 'a', 'c'])
    expect(order('difficultyIndex', 'descending')).toEqual(['b', 'c', 'a'])
    expect(order('title', 'descending')).toEqual(['c', 'b', 'a'])
  })

  it('finds where the sheets differ most, among the sheets that assessed the column', () => {
    const rows = comparisonRows(sheets)
    const spreads = columnSpreads(rows)
    expect(spreads.get('datamining.prototype')).toBe(2)
    expect(spreads.get('datamining.scaleUp')).toBe(3)
    expect(spreads.get('gouvernance.scaleUp')).toBe(1)
    expect(mostDivergentScores(rows, 3)).toEqual(['datamining.scaleUp', 'datamining.prototype', 'gouvernance.prototype'])
    // Sheets that agree within one level have nothing to highlight.
    expect(mostDivergentScores(comparisonRows([sheet('x', flat(1), flat(1)), sheet('y', flat(2), flat(2))]))).toEqual([])
  })
})
