// The restitution's images in Chromium: the comparison radar and the portfolio matrix as PNGs of 1600 × 1000,
// with the same pixels every time, each sheet's colour present.
import { describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { parseExchangeFile } from '@/domain/exchange'
import { placeOnMatrix } from '@/domain/portfolio'
import { buildComparisonData, buildComparisonOptions, COMPARISON_STYLES, toComparedSheets } from '@/presentation/comparison'
import { radarChartLabels, ringLabelsPlugin } from '@/presentation/radar-chart'
import { PAGE_FRAME } from '@/presentation/matrix-layout'
import { renderChartImage, renderSvgImage } from '@/services/restitution-image'
import MatrixChart from '@/components/restitution/MatrixChart.vue'
import examplesFile from '@/content/example-sheets.json?raw'
import { createTestI18n, testTranslate } from '../i18n'
import { bytesToBase64, pixelsOf } from '../support/pixels'

const { t } = testTranslate()
const parsed = parseExchangeFile(examplesFile)
if (!parsed.ok) throw new Error('the examples should parse')
const sheets = toComparedSheets(parsed.sheets.slice(0, 8))


function differentBytes(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let different = Math.abs(a.length - b.length)
  for (let index = 0; index < Math.min(a.length, b.length); index++) if (a[index] !== b[index]) different++
  return different
}


const hex = (color: string) => [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16))

describe('restitution images in Chromium', () => {
  const comparison = () =>
    renderChartImage('Comparer les radars — Exemples', 'Difficulté pour le prototype', {
      type: 'radar',
      data: buildComparisonData(sheets, 'prototype', 'image'),
      options: buildComparisonOptions(radarChartLabels(t), 'image'),
      plugins: [ringLabelsPlugin],
    })

  it('draws 8 sheets on one radar at 1600 × 1000, each in its own colour, identically twice', async () => {
    const blob = await comparison()
    await commands.writeFile('test-results/comparison-8-sheets.png', bytesToBase64(new Uint8Array(await blob.arrayBuffer())), { encoding: 'base64' })
    const first = await pixelsOf(blob)
    expect([first.width, first.height]).toEqual([1600, 1000])
    for (const style of COMPARISON_STYLES) {
      const [r, g, b] = hex(style.color)
      let count = 0
      for (let index = 0; index < first.data.length; index += 4)
        if (Math.abs(first.data[index]! - r!) < 12 && Math.abs(first.data[index + 1]! - g!) < 12 && Math.abs(first.data[index + 2]! - b!) < 12) count++
      expect(count, style.color).toBeGreaterThan(300)
    }
    const second = await pixelsOf(await comparison())
    expect(differentBytes(first.data, second.data)).toBe(0)
  })

  it('turns the matrix drawn on screen into a PNG 1600 px wide, identically twice', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/fiches/:id', name: 'sheet', component: { render: () => null } }] })
    const { placed } = placeOnMatrix(parsed.sheets.map((sheet) => ({ id: sheet.id, title: sheet.project.title, radar: sheet.radar, sheet })))
    const wrapper = mount(MatrixChart, {
      props: {
        points: placed.map((point) => ({ ...point, decision: point.sheet.sheet.decision.status, name: { title: point.title, name: point.title } })),
        title: 'Matrice',
      },
      global: { plugins: [createTestI18n(), createPinia(), router] },
      attachTo: document.body,
    })
    const svg = wrapper.element as unknown as SVGSVGElement
    const notes = ['Non placées, radars incomplets (2) : Premier ; Second.']
    const blob = await renderSvgImage(svg, PAGE_FRAME, { title: 'Matrice du portefeuille — Exemples', notes })
    await commands.writeFile('test-results/matrix-examples.png', bytesToBase64(new Uint8Array(await blob.arrayBuffer())), { encoding: 'base64' })
    const first = await pixelsOf(blob)
    // 1600 × 1000, as every restitution image: the title above, the drawing scaled into the room left, the notes
    // under it (which sheets the reader does not see on it).
    expect([first.width, first.height]).toEqual([1600, 1000])
    const inkIn = (image: typeof first, top: number, bottom: number) => {
      let ink = 0
      for (let y = top; y < bottom; y++)
        for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * 4]! < 128) ink++
      return ink
    }
    expect(inkIn(first, 960, 1000)).toBeGreaterThan(200)
    const withoutNotes = await pixelsOf(await renderSvgImage(svg, PAGE_FRAME, { title: 'Matrice du portefeuille — Exemples' }))
    expect([withoutNotes.width, withoutNotes.height]).toEqual([1600, 1000])
    // Without notes the drawing takes their room: the last rows differ.
    expect(inkIn(withoutNotes, 960, 1000)).not.toBe(inkIn(first, 960, 1000))
    // The points' blue is there, as many marks as sheets placed (each mark ≥ 150 pixels), plus the shapes' legend.
    let marks = 0
    for (let index = 0; index < first.data.length; index += 4)
      if (first.data[index] === 0x1d && first.data[index + 1] === 0x4f && first.data[index + 2] === 0x91) marks++
    expect(marks).toBeGreaterThan(150 * (placed.length + 5))
    const second = await pixelsOf(await renderSvgImage(svg, PAGE_FRAME, { title: 'Matrice du portefeuille — Exemples', notes }))
    expect(differentBytes(first.data, second.data)).toBe(0)
    wrapper.unmount()
  })
})
