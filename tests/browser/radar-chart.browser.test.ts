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
