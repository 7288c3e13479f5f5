// Benchmark in Chromium of the radar PNG export of one sheet (render + PNG encoding + embedded sheet).
import { describe, expect, it } from 'vitest'
import ficheSante from '../tests/fixtures/examples/fiche-sante.json?raw'
import { parseExchangeFile } from '@/domain/exchange'
import { testTranslate } from '../tests/i18n'
import { radarImageLabels } from '@/presentation/radar-image-labels'
import { renderRadarImage } from '@/services/radar-image'

const RUNS = 9

describe('benchmark', () => {
  it('exports the radar of fiche-sante.json as a PNG', async () => {
    const parsed = parseExchangeFile(ficheSante)
    if (!parsed.ok) throw new Error('example should parse')
    const sheet = parsed.sheets[0]!
    const { t } = testTranslate()
    const labels = radarImageLabels(sheet, t)
    await renderRadarImage(sheet, labels) // warm-up: fonts and Chart.js code paths
    const times: number[] = []
    let size = 0
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const blob = await renderRadarImage(sheet, labels)
      times.push(performance.now() - started)
      size = blob.size
    }
    const sorted = [...times].sort((a, b) => a - b)
    console.log(
      `radar PNG export (1600×1000, sheet embedded): median ${sorted[Math.floor(RUNS / 2)]!.toFixed(1)} ms over ${RUNS} runs ` +
        `(${times.map((time) => time.toFixed(0)).join(' / ')}), ${(size / 1024).toFixed(0)} KB`,
    )
    expect(size).toBeGreaterThan(10_000)
  })
})
