import { describe, expect, it } from 'vitest'
import type { TooltipItem } from 'chart.js'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import {
  buildRadarData,
  buildRadarOptions,
  RADAR_COLORS,
  radarChartLabels,
  ringLabelsPlugin,
  scoreTickLabel,
  splitAxisLabel,
  type RadarVariant,
} from '@/presentation/radar-chart'
import { thumbnailShapes } from '@/presentation/radar-thumbnail'
import { testTranslate } from '../i18n'
import { THEMES } from '@/content/themes'

type Row = (number | null)[]

function radarOf(prototype: Row, scaleUp: Row): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const { t } = testTranslate()
const labels = radarChartLabels(t)
const prototype: Row = [1, 2, 3, 0, 4, null, 1, 3, 0, 2]
const scaleUp: Row = [0, 1, null, null, 0, 3, 2, 2, 1, 4]
const variants: RadarVariant[] = ['screen', 'print', 'image']

describe('buildRadarData', () => {
  const data = buildRadarData(radarOf(prototype, scaleUp), labels)

  it('puts the ten theme labels on the axes, in grid order', () => {
    expect(data.labels).toEqual(THEMES.map((theme) => theme.label))
    expect(data.labels?.[0]).toBe('Datamining')
    expect(data.labels?.[9]).toBe('Environnement')
  })

  it('has one series per axis, named from the locale, with the scores in theme order', () => {
    expect(data.datasets.map((dataset) => dataset.label)).toEqual([
      'Difficulté pour le prototype',
      'Frein au passage à l’échelle',
    ])
    expect(data.datasets[0]?.data).toEqual(prototype)
    expect(data.datasets[1]?.data).toEqual(scaleUp)
  })

  it('adds a saved state as two paler, dotted, unfilled series named with its date, under the current ones', () => {
    const saved = radarOf([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], [1, null, 1, 1, 1, 1, 1, 1, 1, 1])
    const overlaid = buildRadarData(radarOf(prototype, scaleUp), labels, 'screen', { name: 'état du 2 mars 2026', radar: saved })
    expect(overlaid.datasets.map((dataset) => dataset.label)).toEqual([
      'Difficulté pour le prototype',
      'Frein au passage à l’échelle',
      'Difficulté pour le prototype — état du 2 mars 2026',
      'Frein au passage à l’échelle — état du 2 mars 2026',
    ])
    const [current, , before, beforeScaleUp] = overlaid.datasets
    expect(before?.data).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    expect(beforeScaleUp?.data[1]).toBeNull()
    expect(before?.fill).toBe(false)
    expect(before?.borderDash).not.toEqual(current?.borderDash)
    expect(before?.borderColor).not.toBe(current?.borderColor)
    expect(before?.order).toBeGreaterThan(current?.order as number)
    expect(before?.pointStyle).toBe(current?.pointStyle)
  })

  it('keeps unassessed scores as gaps rather than zeros', () => {
    const [first, second] = data.datasets
    expect(first?.data[5]).toBeNull()
    expect(second?.data[2]).toBeNull()
    expect(first?.spanGaps).toBe(false)
    expect(second?.spanGaps).toBe(false)
  })

  it.each(variants)('tells the series apart by line and point shape, not only by colour (%s)', (variant) => {
    const [first, second] = buildRadarData(radarOf(prototype, scaleUp), labels, variant).datasets
    expect(first?.borderColor).toBe(RADAR_COLORS.prototype)
    expect(second?.borderColor).toBe(RADAR_COLORS.scaleUp)
    expect(first?.borderDash).toEqual([])
    expect((second?.borderDash as number[]).length).toBe(2)
    expect(first?.pointStyle).toBe('circle')
    expect(second?.pointStyle).toBe('rectRot')
    // At the same value, the larger diamond still shows around the circle.
    expect(Number(second?.pointRadius)).toBeGreaterThan(Number(first?.pointRadius))
  })

  it('draws thicker lines for the image than for the screen', () => {
    const screen = buildRadarData(radarOf(prototype, scaleUp), labels, 'screen').datasets[0]
    const image = buildRadarData(radarOf(prototype, scaleUp), labels, 'image').datasets[0]
    expect(Number(image?.borderWidth)).toBeGreaterThan(Number(screen?.borderWidth))
  })

  it('draws an empty radar when nothing is assessed', () => {
    const empty = buildRadarData(radarOf([], []), labels)
    for (const dataset of empty.datasets) expect(dataset.data).toEqual(Array(10).fill(null))
  })
})

describe('buildRadarOptions', () => {
  it('uses a 0–4 radial scale with one ring per level, named like the score controls, off the first axis', () => {
    const options = buildRadarOptions(labels)
    const r = options.scales?.r
    expect(r?.min).toBe(0)
    expect(r?.max).toBe(4)
    expect(r?.ticks?.stepSize).toBe(1)
    // Chart.js would draw the ring labels on the first axis, under Datamining's points: the plugin draws them.
    expect(r?.ticks?.display).toBe(false)
    expect(scoreTickLabel(0, labels)).toBe('0 Aucun')
    expect(scoreTickLabel(3, labels)).toBe('3 Fort')
    expect(options.plugins?.ringLabels?.labels).toEqual(['0 Aucun', '1 Faible', '2 Modéré', '3 Fort', '4 Critique'])
    expect(ringLabelsPlugin.id).toBe('ringLabels')
  })

  it('draws the image with axis labels of at least 22 px', () => {
    const font = buildRadarOptions(labels, 'image').scales?.r?.pointLabels?.font as (context: unknown) => { size: number }
    expect(font({ chart: { width: 1170 } }).size).toBeGreaterThanOrEqual(22)
  })

  it('animates on screen only when allowed, never on paper or in the image', () => {
    expect(buildRadarOptions(labels, 'screen', { animate: false }).animation).toBe(false)
    expect(buildRadarOptions(labels, 'screen', { animate: true }).animation).not.toBe(false)
    expect(buildRadarOptions(labels, 'print', { animate: true }).animation).toBe(false)
    expect(buildRadarOptions(labels, 'image', { animate: true }).animation).toBe(false)
  })

  it('gives print and image a fixed size and pixel density, independent of the window', () => {
    expect(buildRadarOptions(labels, 'screen').responsive).toBe(true)
    expect(buildRadarOptions(labels, 'print')).toMatchObject({ responsive: false, devicePixelRatio: 2.5, events: [] })
    expect(buildRadarOptions(labels, 'image')).toMatchObject({ responsive: false, devicePixelRatio: 1, events: [] })
  })

  it('leaves the legend to the image, which draws its own beside the chart', () => {
    expect(buildRadarOptions(labels, 'screen').plugins?.legend?.display).toBe(true)
    expect(buildRadarOptions(labels, 'print').plugins?.legend?.display).toBe(true)
    expect(buildRadarOptions(labels, 'image').plugins?.legend?.display).toBe(false)
  })

  it('names the score in tooltips on screen', () => {
    const label = buildRadarOptions(labels).plugins?.tooltip?.callbacks?.label
    const item = { dataset: { label: labels.series.scaleUp }, parsed: { r: 4 } } as unknown as TooltipItem<'radar'>
    expect(label?.call({} as never, item)).toBe('Frein au passage à l’échelle : 4 Critique')
  })
})

describe('splitAxisLabel', () => {
  it('breaks long labels after the slash and between words, and leaves short ones alone', () => {
    expect(splitAxisLabel('Budget / achat de données')).toEqual(['Budget /', 'achat de', 'données'])
    expect(splitAxisLabel('Gouvernance / acceptabilité')).toEqual(['Gouvernance /', 'acceptabilité'])
    expect(splitAxisLabel('Management data')).toEqual(['Management', 'data'])
    expect(splitAxisLabel('RGPD')).toBe('RGPD')
  })
})

describe('thumbnailShapes', () => {
  const shapes = thumbnailShapes({ prototype, scaleUp }, 96)

  it('has four rings and ten spokes, the first pointing up', () => {
    expect(shapes.rings).toHaveLength(4)
    expect(shapes.spokes).toHaveLength(10)
    const [x, y] = shapes.spokes[0]!
    expect(x).toBeCloseTo(48)
    expect(y).toBeCloseTo(4)
  })

  it('joins assessed neighbours only, and marks every assessed score', () => {
    // Prototype: theme 6 is unassessed, so the segments 5→6 and 6→7 are missing: 10 − 2 = 8 segments.
    expect(shapes.paths.prototype.match(/M/g)).toHaveLength(8)
    expect(shapes.dots.prototype).toHaveLength(9)
    expect(shapes.dots.scaleUp).toHaveLength(8)
  })
})
