import { describe, expect, it } from 'vitest'
import type { TooltipItem } from 'chart.js'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import { THEMES } from '@/domain/themes'
import {
  buildRadarData,
  buildRadarOptions,
  RADAR_COLORS,
  scoreTickLabel,
  splitAxisLabel,
} from '@/components/radar/radar-chart-config'

type Row = (number | null)[]

function radarOf(prototype: Row, scaleUp: Row): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const seriesLabels = { prototype: 'Difficulté — prototype', scaleUp: 'Frein — passage à l’échelle' }
const prototype: Row = [1, 2, 3, 0, 4, null, 1, 3, 0, 2]
const scaleUp: Row = [0, 1, null, null, 0, 3, 2, 2, 1, 4]

describe('buildRadarData', () => {
  const data = buildRadarData(radarOf(prototype, scaleUp), seriesLabels)

  it('puts the ten theme labels on the axes, in grid order', () => {
    expect(data.labels).toEqual(THEMES.map((theme) => theme.label))
    expect(data.labels?.[0]).toBe('Datamining')
    expect(data.labels?.[9]).toBe('Environnement')
  })

  it('has one series per axis, with the scores in theme order', () => {
    expect(data.datasets.map((dataset) => dataset.label)).toEqual([seriesLabels.prototype, seriesLabels.scaleUp])
    expect(data.datasets[0]?.data).toEqual(prototype)
    expect(data.datasets[1]?.data).toEqual(scaleUp)
  })

  it('keeps unassessed scores as gaps rather than zeros', () => {
    const [first, second] = data.datasets
    expect(first?.data[5]).toBeNull()
    expect(second?.data[2]).toBeNull()
    expect(second?.data[3]).toBeNull()
    expect(first?.spanGaps).toBe(false)
    expect(second?.spanGaps).toBe(false)
  })

  it('tells the series apart by line and point shape, not only by colour', () => {
    const [first, second] = data.datasets
    expect(first?.borderColor).toBe(RADAR_COLORS.prototype)
    expect(second?.borderColor).toBe(RADAR_COLORS.scaleUp)
    expect(first?.borderDash).toEqual([])
    expect(second?.borderDash).toEqual([6, 4])
    expect(first?.pointStyle).toBe('circle')
    expect(second?.pointStyle).not.toBe(first?.pointStyle)
    expect(first?.fill).toBe(true)
  })

  it('draws an empty radar when nothing is assessed', () => {
    const empty = buildRadarData(radarOf([], []), seriesLabels)
    for (const dataset of empty.datasets) expect(dataset.data).toEqual(Array(10).fill(null))
  })
})

describe('buildRadarOptions', () => {
  it('uses a 0–4 radial scale with one ring per level, named like the score controls', () => {
    const r = buildRadarOptions({ animate: true }).scales?.r
    expect(r?.min).toBe(0)
    expect(r?.max).toBe(4)
    expect(r?.ticks?.stepSize).toBe(1)
    expect(scoreTickLabel(0)).toBe('0 Aucun')
    expect(scoreTickLabel(3)).toBe('3 Fort')
    expect(scoreTickLabel(4)).toBe('4 Critique')
    expect(r?.ticks?.callback).toBe(scoreTickLabel)
  })

  it('turns animation off when asked (reduced motion, static export)', () => {
    expect(buildRadarOptions({ animate: false }).animation).toBe(false)
    expect(buildRadarOptions({ animate: true }).animation).not.toBe(false)
  })

  it('names the score in tooltips', () => {
    const label = buildRadarOptions({ animate: false }).plugins?.tooltip?.callbacks?.label
    const item = { dataset: { label: seriesLabels.scaleUp }, parsed: { r: 4 } } as unknown as TooltipItem<'radar'>
    expect(label?.call({} as never, item)).toBe('Frein — passage à l’échelle : 4 Critique')
  })
})

describe('splitAxisLabel', () => {
  it('breaks long labels after the slash and leaves short ones alone', () => {
    expect(splitAxisLabel('Budget / achat de données')).toEqual(['Budget /', 'achat de données'])
    expect(splitAxisLabel('RGPD')).toBe('RGPD')
  })
})
