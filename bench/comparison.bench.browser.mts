// Benchmark in Chromium of the restitution's redraws: 8 sheets overlaid on one radar (the comparison screen at
// its projector size), switched from one axis to the other; the 8 small multiples; the portfolio matrix's layout.
// Figures against one frame budget (16.7 ms at 60 Hz); run with `npm run bench`, never part of `npm test`.
import { describe, expect, it } from 'vitest'
import examplesFile from '../src/content/example-sheets.json?raw'
import { parseExchangeFile } from '@/domain/exchange'
import { placeOnMatrix } from '@/domain/portfolio'
import { Chart } from '@/presentation/chart-registry'
import { buildComparisonData, buildComparisonOptions } from '@/presentation/comparison'
import { layoutMatrix } from '@/presentation/matrix-layout'
import { buildRadarData, buildRadarOptions, radarChartLabels, ringLabelsPlugin } from '@/presentation/radar-chart'
import { testTranslate } from '../tests/i18n'

const RUNS = 60
const FRAME_MS = 1000 / 60

function summary(name: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
  console.log(
    `${name}: median ${at(0.5).toFixed(2)} ms, 95th percentile ${at(0.95).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms ` +
      `over ${times.length} redraws (frame budget ${FRAME_MS.toFixed(1)} ms)`,
  )
}

function canvasOf(width: number, height: number) {
  const holder = document.createElement('div')
  holder.style.cssText = `position: relative; width: ${width}px; height: ${height}px`
  const canvas = document.createElement('canvas')
  holder.append(canvas)
  document.body.append(holder)
  return { canvas, remove: () => holder.remove() }
}

const parsed = parseExchangeFile(examplesFile)
if (!parsed.ok) throw new Error('the examples should parse')
const eight = parsed.sheets.slice(0, 8).map((sheet) => ({ id: sheet.id, title: sheet.project.title, radar: sheet.radar }))
const labels = radarChartLabels(testTranslate().t)

describe('benchmark', () => {
  it('redraws 8 sheets overlaid on one radar, switching axis', () => {
    // The comparison radar's size at 1280 × 720: 46rem wide at most.
    const { canvas, remove } = canvasOf(736, 824)
    const chart = new Chart(canvas, {
      type: 'radar',
      data: buildComparisonData(eight, 'prototype'),
      options: buildComparisonOptions(labels, 'screen', { animate: false }),
      plugins: [ringLabelsPlugin],
    })
    const times: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      // What the screen does on a change: new data, then Chart.js's update without transition.
      chart.data = buildComparisonData(eight, run % 2 ? 'prototype' : 'scaleUp')
      chart.update('resize')
      times.push(performance.now() - started)
    }
    summary('comparison radar, 8 sheets, axis switched', times)
    expect(chart.data.datasets).toHaveLength(8)
    chart.destroy()
    remove()
  })

  it('redraws the 8 small multiples', () => {
    const charts = eight.map((sheet) => {
      const { canvas, remove } = canvasOf(280, 280)
      const chart = new Chart(canvas, {
        type: 'radar',
        data: buildRadarData(sheet.radar, labels),
        options: buildRadarOptions(labels, 'screen', { compact: true }),
        plugins: [ringLabelsPlugin],
      })
      return { chart, remove, sheet }
    })
    const times: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      for (const { chart, sheet } of charts) {
        chart.data = buildRadarData(sheet.radar, labels)
        chart.update('resize')
      }
      times.push(performance.now() - started)
    }
    summary('small multiples, 8 radars redrawn together', times)
    expect(charts).toHaveLength(8)
    for (const { chart, remove } of charts) {
      chart.destroy()
      remove()
    }
  })

  it('lays out the portfolio matrix of the 17 examples', () => {
    const { placed } = placeOnMatrix(parsed.sheets.map((sheet) => ({ id: sheet.id, title: sheet.project.title, radar: sheet.radar, sheet })))
    const context = document.createElement('canvas').getContext('2d')!
    context.font = '22px sans-serif'
    const measure = (text: string) => context.measureText(text).width
    const points = placed.map((point) => ({ ...point, decision: point.sheet.sheet.decision.status }))
    const times: number[] = []
    let drawn = 0
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      drawn = layoutMatrix(points, measure).length
      times.push(performance.now() - started)
    }
    summary(`matrix layout, ${drawn} points and labels`, times)
    expect(drawn).toBe(placed.length)
  })
})
