import { describe, expect, it } from 'vitest'
import { buildPresentationRadarOptions, PRESENTATION_FONT_SIZES } from '@/presentation/presentation-radar'
import { buildRadarOptions, radarChartLabels } from '@/presentation/radar-chart'
import { testTranslate } from '../i18n'

describe('presentation radar', () => {
  const labels = radarChartLabels(testTranslate().t)
  const options = buildPresentationRadarOptions(labels)

  it('writes the axis, ring and legend labels at 18 px or more, to be read from the back of a room', () => {
    expect(Math.min(...Object.values(PRESENTATION_FONT_SIZES))).toBeGreaterThanOrEqual(18)
    const pointLabels = options.scales!.r!.pointLabels as { font: { size: number } }
    expect(pointLabels.font.size).toBeGreaterThanOrEqual(18)
    expect(options.plugins!.ringLabels!.font).toMatch(/^(1[89]|[2-9]\d)px /)
    expect((options.plugins!.legend!.labels!.font as { size: number }).size).toBeGreaterThanOrEqual(18)
  })

  it('keeps the screen radar’s scale, rings and axis names', () => {
    const screen = buildRadarOptions(labels, 'screen')
    expect(options.scales!.r!.max).toBe(screen.scales!.r!.max)
    expect(options.plugins!.ringLabels!.labels).toEqual(screen.plugins!.ringLabels!.labels)
    const callback = (options.scales!.r!.pointLabels as { callback: (label: string) => unknown }).callback
    expect(callback('Budget / achat de données')).toEqual(['Budget /', 'achat de', 'données'])
  })
})
