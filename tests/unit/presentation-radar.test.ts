import { describe, expect, it } from 'vitest'
import { buildPresentationRadarOptions } from '@/presentation/presentation-radar'
import { buildRadarOptions, radarChartLabels } from '@/presentation/radar-chart'
import { testTranslate } from '../i18n'

describe('presentation radar', () => {
  const labels = radarChartLabels(testTranslate().t)
  const options = buildPresentationRadarOptions(labels)

  it('writes the axis, ring and legend labels at 18 px or more, to be read from the back of a room', () => {
    // The font is scriptable (narrow charts shrink theirs): a presentation radar is never narrow, and never shrinks.
    const pointLabels = options.scales!.r!.pointLabels as { font: (context: unknown) => { size: number } }
    for (const width of [200, 360, 800]) expect(pointLabels.font({ chart: { width } }).size).toBeGreaterThanOrEqual(18)
    expect(options.plugins!.ringLabels!.font).toMatch(/^(1[89]|[2-9]\d)px /)
    // The legend is the page's key, beside the figures, not a canvas legend above the radar.
    expect(options.plugins!.legend!.display).toBe(false)
  })

  it('keeps the screen radar’s scale, rings and axis names', () => {
    const screen = buildRadarOptions(labels, 'screen')
    expect(options.scales!.r!.max).toBe(screen.scales!.r!.max)
    expect(options.plugins!.ringLabels!.labels).toEqual(screen.plugins!.ringLabels!.labels)
    const callback = (options.scales!.r!.pointLabels as { callback: (label: string) => unknown }).callback
    expect(callback('Budget / achat de données')).toEqual(['Budget /', 'achat de', 'données'])
  })
})
