import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { THEME_IDS, type ThemeId, type ThemeScores } from '@/domain/grid'
import { createTestI18n } from '../i18n'
import RadarChart from '@/components/radar/RadarChart.vue'

type Radar = Record<ThemeId, ThemeScores>

function radar(scaleUp: number | null, prototype: number | null = null): Radar {
  return Object.fromEntries(THEME_IDS.map((id) => [id, { prototype, scaleUp }])) as Radar
}

/** Pixels close to a series colour: enough to tell whether that series was drawn. */
function countPixels(canvas: HTMLCanvasElement, [r, g, b]: [number, number, number]): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
  let count = 0
  for (let index = 0; index < data.length; index += 4) {
    if (Math.abs(data[index]! - r) < 30 && Math.abs(data[index + 1]! - g) < 30 && Math.abs(data[index + 2]! - b) < 30)
      count++
  }
  return count
}

const PROTOTYPE_BLUE: [number, number, number] = [0x0b, 0x5c, 0xad]
const SCALE_UP_ORANGE: [number, number, number] = [0xc2, 0x57, 0x0c]

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

let wrapper: ReturnType<typeof mount> | undefined
afterEach(() => wrapper?.unmount())

describe('RadarChart in Chromium', () => {
  it('draws both series on a real canvas and redraws when a score changes', async () => {
    wrapper = mount(RadarChart, {
      props: { radar: radar(null, 2) },
      attachTo: document.body,
      global: { plugins: [createTestI18n()] },
    })
    await frames()
    const canvas = wrapper.get('canvas').element as HTMLCanvasElement
    expect(canvas.width).toBeGreaterThan(100)
    expect(countPixels(canvas, PROTOTYPE_BLUE)).toBeGreaterThan(200)
    // No scale-up score yet: only the legend swatch of the second series is orange.
    const legendOnly = countPixels(canvas, SCALE_UP_ORANGE)

    await wrapper.setProps({ radar: radar(3, 2) })
    await nextTick()
    await frames()
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(countPixels(canvas, SCALE_UP_ORANGE)).toBeGreaterThan(legendOnly + 200)
  })

  it('names the chart for screen readers with the number of assessed scores', async () => {
    const scores = radar(null)
    scores.rgpd = { prototype: 3, scaleUp: 4 }
    wrapper = mount(RadarChart, { props: { radar: scores }, attachTo: document.body, global: { plugins: [createTestI18n()] } })
    await frames()
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toContain('2 notes évaluées sur 20')
  })
})

describe('the ring labels (1 Faible … 4 Critique)', () => {
  it('never hide a point near the first two axes, on a small radar (the small multiples) or a projected one', async () => {
    const { Chart } = await import('@/presentation/chart-registry')
    const { buildRadarData, buildRadarOptions, radarChartLabels, ringLabelsPlugin } = await import('@/presentation/radar-chart')
    const { testTranslate } = await import('../i18n')
    const labels = radarChartLabels(testTranslate().t)
    // Datamining and Gouvernance scored on every ring, where the labels sit between them.
    for (const [size, variant, compact] of [[270, 'screen', true], [620, 'projector', false]] as const) {
      for (const level of [1, 2, 3, 4]) {
        const scores = radar(null)
        scores.datamining = { prototype: level, scaleUp: null }
        scores.gouvernance = { prototype: level, scaleUp: null }
        const canvas = document.createElement('canvas')
        const host = document.createElement('div')
        host.style.cssText = `width: ${size}px; height: ${size}px; position: relative`
        host.append(canvas)
        document.body.append(host)
        const chart = new Chart(canvas, {
          type: 'radar',
          data: buildRadarData(scores, labels, variant),
          options: { ...buildRadarOptions(labels, variant, { compact }), animation: false, devicePixelRatio: 1 },
          plugins: [ringLabelsPlugin],
        })
        const context = canvas.getContext('2d')!
        for (const point of chart.getDatasetMeta(0).data.slice(0, 2)) {
          // The point's centre is the series' blue, not the labels' white backdrop or grey text.
          const [r, g, b] = context.getImageData(Math.round(point.x), Math.round(point.y), 1, 1).data
          expect([r, g, b], `${variant}, level ${level}`).toEqual(PROTOTYPE_BLUE)
        }
        chart.destroy()
        host.remove()
      }
    }
  })
})
