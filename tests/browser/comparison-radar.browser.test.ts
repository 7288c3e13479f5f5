// The overlaid radar as the page draws it, in Chromium, after the facilitator's changes: a sheet unticked, the axis
// switched and back, five sheets sharing one title. Read from the live Chart.js instance and from the canvas' pixels:
// each line, its points and its legend entry share one style, and the screen agrees with the PNG's configuration.
import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, describe, expect, it } from 'vitest'
import { THEME_IDS, type RadarScores } from '@/domain/grid'
import { buildComparisonData, comparisonStyle, toComparedSheets, type ComparedSheet } from '@/presentation/comparison'
import { parseExchangeFile } from '@/domain/exchange'
import ComparisonRadar from '@/components/restitution/ComparisonRadar.vue'
import examplesFile from '@/content/example-sheets.json?raw'
import { createTestI18n } from '../i18n'

const parsed = parseExchangeFile(examplesFile)
if (!parsed.ok) throw new Error('the examples should parse')
const examples = toComparedSheets(parsed.sheets.filter((sheet) => THEME_IDS.every((id) => sheet.radar[id].prototype !== null)))

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
const hex = (color: string): [number, number, number] => [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16)) as [number, number, number]

function countPixels(canvas: HTMLCanvasElement, color: string): number {
  const [r, g, b] = hex(color)
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
  let count = 0
  for (let index = 0; index < data.length; index += 4)
    if (Math.abs(data[index]! - r) < 14 && Math.abs(data[index + 1]! - g) < 14 && Math.abs(data[index + 2]! - b) < 14) count++
  return count
}

let wrapper: ReturnType<typeof mount> | undefined
afterEach(() => wrapper?.unmount())

async function mountRadar(sheets: readonly ComparedSheet[]) {
  const host = document.createElement('div')
  host.style.width = '900px'
  document.body.append(host)
  wrapper = mount(ComparisonRadar, { props: { sheets, axis: 'prototype' }, attachTo: host, global: { plugins: [createTestI18n()] } })
  await frames()
  return wrapper
}

/** What the page shows now: the chart's own elements, the legend's entries and the canvas' pixels. */
function expectScreenAgrees(sheets: readonly ComparedSheet[], axis: 'prototype' | 'scaleUp') {
  const canvas = wrapper!.get('canvas').element as HTMLCanvasElement
  const chart = Chart.getChart(canvas)!
  const legend = wrapper!.findAll('li')
  expect(chart.data.datasets).toHaveLength(sheets.length)
  expect(legend).toHaveLength(sheets.length)
  // The PNG is drawn from the same sheets with the image variant: same colours, patterns, shapes, in the same order.
  const image = buildComparisonData(sheets, axis, 'image').datasets
  sheets.forEach((sheet, index) => {
    const style = comparisonStyle(index)
    const meta = chart.getDatasetMeta(index)
    const line = meta.dataset as unknown as { options: { borderColor: string; borderDash: number[]; borderWidth: number } }
    expect(line.options.borderColor, `line ${index}`).toBe(style.color)
    expect(line.options.borderDash, `line ${index}`).toEqual(style.dash)
    expect(line.options.borderWidth, `line ${index}`).toBe(style.line)
    for (const point of meta.data as unknown as { options: { pointStyle: string; backgroundColor: string } }[]) {
      expect(point.options.pointStyle, `points ${index}`).toBe(style.shape)
      expect(point.options.backgroundColor, `points ${index}`).toBe(style.color)
    }
    expect(chart.data.datasets[index]!.data).toEqual(THEME_IDS.map((id) => sheet.radar[id][axis]))
    const entry = legend[index]!
    expect([entry.attributes('data-color'), entry.attributes('data-dash'), entry.attributes('data-shape')]).toEqual([
      style.color,
      style.dash.join(' '),
      style.shape,
    ])
    expect(entry.text()).toBe(sheet.name)
    expect([image[index]!.borderColor, image[index]!.pointStyle]).toEqual([style.color, style.shape])
    expect(countPixels(canvas, style.color), `pixels of ${style.color}`).toBeGreaterThan(100)
  })
  // No colour of a sheet no longer shown is left on the canvas (but the near-black one, which is also the text's).
  for (let index = sheets.length; index < 8; index++) {
    const { color } = comparisonStyle(index)
    if (color !== '#1b1f24') expect(countPixels(canvas, color), `leftover ${color}`).toBeLessThan(20)
  }
}

describe('the overlaid radar on screen, after changes', () => {
  it('restyles every line with its legend when a sheet is unticked, and when the axis goes and comes back', async () => {
    const eight = examples.slice(0, 8)
    await mountRadar(eight)
    expectScreenAgrees(eight, 'prototype')
    // The second sheet unticked: every later sheet takes the previous sheet's look, lines included.
    const seven = eight.filter((_, index) => index !== 1)
    await wrapper!.setProps({ sheets: seven })
    await frames()
    expectScreenAgrees(seven, 'prototype')
    await wrapper!.setProps({ axis: 'scaleUp' })
    await frames()
    expectScreenAgrees(seven, 'scaleUp')
    await wrapper!.setProps({ axis: 'prototype' })
    await frames()
    expectScreenAgrees(seven, 'prototype')
  })

  it('draws the five lines of five people’s sheets sharing a title, after the axis goes and comes back', async () => {
    const base = parsed.sheets[0]!
    const authors = ['Camille', 'Dominique', 'Alex', 'Sacha', 'Noa']
    const five = toComparedSheets(
      authors.map((author, index) => ({
        ...base,
        id: `00000000-0000-4000-8000-00000000000${index}`,
        author,
        radar: Object.fromEntries(
          THEME_IDS.map((id, theme) => [id, { prototype: (theme + index) % 5, scaleUp: (theme * 2 + index) % 5, comment: '' }]),
        ) as unknown as RadarScores,
      })) as never,
    )
    // The example has a short name (format v3): the comparison names the sheets by it.
    expect(five.map((sheet) => sheet.name)).toEqual(authors.map((author) => `${base.project.shortLabel} — ${author}`))
    await mountRadar(five)
    expectScreenAgrees(five, 'prototype')
    await wrapper!.setProps({ axis: 'scaleUp' })
    await frames()
    await wrapper!.setProps({ axis: 'prototype' })
    await frames()
    expectScreenAgrees(five, 'prototype')
  })
})
