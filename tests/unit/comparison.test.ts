import { describe, expect, it } from 'vitest'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import {
  buildComparisonData,
  buildComparisonOptions,
  columnSpreads,
  COMPARISON_STYLES,
  comparisonRows,
  comparisonStyle,
  MAX_COMPARED,
  mostDivergentScores,
  sortComparisonRows,
  toComparedSheets,
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
  who: '',
  name: `Projet ${id}`,
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

  it('names the sheets in the image’s legend with who wrote them when titles are shared, titles shortened between words', () => {
    const long = 'Analyser les flux de déplacements et optimiser les transports en exploitant les données mobiles'
    const base = { organisation: 'Commune A', project: { title: long }, radar: radarOf(flat(1), flat(1)) }
    const sheets = toComparedSheets([
      { ...base, id: 'a', author: 'Camille Martin' },
      { ...base, id: 'b', author: '' },
      { ...base, id: 'c', author: '', project: { title: 'Court' } },
    ] as never)
    expect(sheets.map((item) => item.who)).toEqual(['Camille Martin', 'Commune A', 'Commune A'])
    expect(sheets.map((item) => item.name)).toEqual([`${long} — Camille Martin`, `${long} — Commune A`, 'Court'])
    const [a, b, c] = buildComparisonData(sheets, 'prototype', 'image').datasets.map((dataset) => dataset.label!)
    expect(a!.endsWith('… — Camille Martin')).toBe(true)
    expect(a!.length).toBeLessThanOrEqual(44)
    expect(b!.endsWith('… — Commune A')).toBe(true)
    expect(c).toBe('Court')
    // On screen the legend is the page's own list: whole names.
    expect(buildComparisonData(sheets, 'prototype').datasets[0]!.label).toBe(`${long} — Camille Martin`)
  })

  it('leaves the legend to the page on screen (a click on it hides nothing), and draws it beside the chart in the image', () => {
    const labels = radarChartLabels(testTranslate().t)
    expect(buildComparisonOptions(labels).plugins?.legend?.display).toBe(false)
    expect(buildComparisonOptions(labels, 'projector').plugins?.legend?.display).toBe(false)
    expect(buildComparisonOptions(labels, 'image').plugins?.legend?.display).toBe(true)
    expect(buildComparisonOptions(labels, 'image').plugins?.legend?.position).toBe('right')
  })

  it('gives each series, on every variant, the style its legend entry shows', () => {
    const sheets = Array.from({ length: 8 }, (_, index) => sheet(String(index), flat(2), flat(2)))
    for (const variant of ['screen', 'projector', 'image'] as const) {
      buildComparisonData(sheets, 'prototype', variant).datasets.forEach((dataset, index) => {
        const style = comparisonStyle(index, variant)
        expect([dataset.borderColor, dataset.pointBackgroundColor, dataset.pointBorderColor]).toEqual([style.color, style.color, style.color])
        expect(dataset.borderDash).toEqual(style.dash)
        expect(dataset.pointStyle).toBe(style.shape)
        expect(dataset.borderWidth).toBe(style.line)
      })
    }
  })

  it('writes the projected radar’s axis and ring labels at 18 px or more', () => {
    const options = buildComparisonOptions(radarChartLabels(testTranslate().t), 'projector')
    const font = (options.scales!.r!.pointLabels!.font as (context: unknown) => { size: number })({ chart: { width: 300 } })
    expect(font.size).toBeGreaterThanOrEqual(18)
    expect(options.plugins!.ringLabels!.font).toMatch(/^(1[89]|[2-9]\d)px /)
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
    // The widest first; then every prototype column is 2 levels apart: all ten are named, none left out by its place.
    expect(mostDivergentScores(rows, 3)).toEqual(['datamining.scaleUp', ...THEME_IDS.map((id) => `${id}.prototype`)])
    // Ties at the cut are all named: the columns' order never decides which disagreement is shown.
    const outlier = [sheet('p', [3, 0, 0, 0], flat(0)), sheet('q', [3, 3, 0, 0], flat(0)), sheet('r', [3, 3, 3, 0], flat(0)), sheet('s', [0, 3, 3, 3], flat(0)), sheet('t', [3, 0, 3, 3], flat(0))]
    // Spreads of 3 on datamining (3-3-3-0-3, one outlier), gouvernance, management and infrastructure.
    expect(mostDivergentScores(comparisonRows(outlier), 3)).toEqual([
      'datamining.prototype',
      'gouvernance.prototype',
      'management.prototype',
      'infrastructure.prototype',
    ])
    // Sheets that agree within one level have nothing to highlight.
    expect(mostDivergentScores(comparisonRows([sheet('x', flat(1), flat(1)), sheet('y', flat(2), flat(2))]))).toEqual([])
  })
})
