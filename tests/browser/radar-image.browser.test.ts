import { afterEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { parseExchangeFile } from '@/domain/exchange'
import { readTextChunk } from '@/domain/png-chunk'
import type { Sheet } from '@/domain/sheet'
import { THEME_IDS } from '@/domain/grid'
import { testTranslate } from '../i18n'
import { bytesToBase64, pixelsOf } from '../support/pixels'
import { radarImageLabels } from '@/presentation/radar-image-labels'
import { IMAGE_HEIGHT, IMAGE_WIDTH, renderRadarImage } from '@/services/radar-image'
import { readExchangeFile } from '@/services/read-exchange-file'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository } from '@/storage/sheets-repository'
import { planImport, resolveImport } from '@/domain/import-plan'
import ficheSante from '../fixtures/examples/fiche-sante.json?raw'

const { t } = testTranslate()
const parsed = parseExchangeFile(ficheSante)
if (!parsed.ok) throw new Error('fiche-sante.json should parse')
const sheet: Sheet = parsed.sheets[0]!



const databases: SheetDatabase[] = []
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete()
})

describe('radar PNG export in Chromium', () => {
  it('exports fiche-sante.json as a sharp, opaque image that carries the sheet', async () => {
    const started = performance.now()
    const blob = await renderRadarImage(sheet, radarImageLabels(sheet, t))
    const elapsed = performance.now() - started
    console.log(`radar PNG export: ${elapsed.toFixed(0)} ms, ${(blob.size / 1024).toFixed(0)} KB`)
    expect(blob.type).toBe('image/png')
    // A sample for people to look at: test-results/radar-fiche-sante.png.
    const bytes = new Uint8Array(await blob.arrayBuffer())
    await commands.writeFile('test-results/radar-fiche-sante.png', bytesToBase64(bytes), { encoding: 'base64' })

    const { width, height, data } = await pixelsOf(blob)
    expect([width, height]).toEqual([IMAGE_WIDTH, IMAGE_HEIGHT])
    expect(width).toBeGreaterThanOrEqual(1600)
    expect(height).toBeGreaterThanOrEqual(1000)
    const at = (x: number, y: number) => [...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)]
    for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1]] as const)
      expect(at(x, y)).toEqual([255, 255, 255, 255])

    // Not blank: plenty of non-white pixels, including both series' colours.
    let inked = 0
    let blue = 0
    let orange = 0
    for (let index = 0; index < data.length; index += 4) {
      const [r, g, b] = [data[index]!, data[index + 1]!, data[index + 2]!]
      if (r < 240 || g < 240 || b < 240) inked++
      if (Math.abs(r - 0x0b) < 30 && Math.abs(g - 0x5c) < 30 && Math.abs(b - 0xad) < 30) blue++
      if (Math.abs(r - 0xc2) < 30 && Math.abs(g - 0x57) < 30 && Math.abs(b - 0x0c) < 30) orange++
    }
    expect(inked).toBeGreaterThan(20_000)
    expect(blue).toBeGreaterThan(1_000)
    expect(orange).toBeGreaterThan(1_000)

    const embedded = await readTextChunk(new Uint8Array(await blob.arrayBuffer()), 50 * 1024 * 1024)
    const envelope = JSON.parse(embedded.kind === 'text' ? embedded.text : '')
    expect(envelope.format).toBe('fiche-projet-data')
    expect(envelope.sheets).toEqual([JSON.parse(JSON.stringify(sheet))])
  })

  it('gives identical pixels for two exports of the same sheet', async () => {
    const first = await pixelsOf(await renderRadarImage(sheet, radarImageLabels(sheet, t)))
    const second = await pixelsOf(await renderRadarImage(sheet, radarImageLabels(sheet, t)))
    expect(second.data.length).toBe(first.data.length)
    let different = 0
    for (let index = 0; index < first.data.length; index++) if (first.data[index] !== second.data[index]) different++
    expect(different).toBe(0)
  })

  it('imports the PNG into a fresh library and finds the same sheet', async () => {
    const blob = await renderRadarImage(sheet, radarImageLabels(sheet, t))
    const file = new File([blob], 'radar.png', { type: 'image/png' })
    const result = await readExchangeFile(file)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const db = new SheetDatabase(`png-${crypto.randomUUID()}`)
    databases.push(db)
    const repository = createSheetsRepository(db)
    const outcome = resolveImport(planImport(result.sheets, new Map()), new Map(), (title) => title)
    await repository.importSheets(outcome.toWrite)
    expect(await repository.get(sheet.id)).toEqual(sheet)
  })

  it('says so when a PNG does not carry a sheet', async () => {
    const canvas = new OffscreenCanvas(10, 10)
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10)
    const plain = await canvas.convertToBlob({ type: 'image/png' })
    expect(await readExchangeFile(new File([plain], 'photo.png'))).toEqual({
      ok: false,
      problems: [{ kind: 'png-without-sheet' }],
    })
  })
})

describe('a radar you can read, in the PNG', () => {
  /** The radar's geometry, read off the pixels of its grid (#c9ced6): centre and outer radius. */
  function gridOf({ width, height, data }: { width: number; height: number; data: Uint8ClampedArray }) {
    let top = height
    let bottom = 0
    let left = width
    let right = 0
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < 1200; x++) {
        const offset = (y * width + x) * 4
        if (data[offset] === 0xc9 && data[offset + 1] === 0xce && data[offset + 2] === 0xd6) {
          top = Math.min(top, y)
          bottom = Math.max(bottom, y)
          left = Math.min(left, x)
          right = Math.max(right, x)
        }
      }
    }
    return { top, bottom, centreX: (left + right) / 2, centreY: (top + bottom) / 2, radius: (bottom - top) / 2 }
  }

  function near(pixels: { width: number; data: Uint8ClampedArray }, x: number, y: number, colour: [number, number, number]) {
    for (let dy = -14; dy <= 14; dy++) {
      for (let dx = -14; dx <= 14; dx++) {
        const offset = ((Math.round(y) + dy) * pixels.width + Math.round(x) + dx) * 4
        const [r, g, b] = [pixels.data[offset]!, pixels.data[offset + 1]!, pixels.data[offset + 2]!]
        if (Math.abs(r - colour[0]) < 24 && Math.abs(g - colour[1]) < 24 && Math.abs(b - colour[2]) < 24) return true
      }
    }
    return false
  }

  it('shows both series where they are equal, and spans most of the image height', async () => {
    const scores = [2, 3, 1, 4, 2, 3, 1, 2, 3, 2]
    const equal: Sheet = structuredClone(sheet)
    THEME_IDS.forEach((id, index) => {
      equal.radar[id].prototype = scores[index]!
      equal.radar[id].scaleUp = scores[index]!
    })
    const pixels = await pixelsOf(await renderRadarImage(equal, radarImageLabels(equal, t)))
    const grid = gridOf(pixels)
    expect((grid.bottom - grid.top) / IMAGE_HEIGHT).toBeGreaterThanOrEqual(0.8)

    let both = 0
    scores.forEach((score, index) => {
      const angle = -Math.PI / 2 + (index * 2 * Math.PI) / 10
      const x = grid.centreX + ((grid.radius * score) / 4) * Math.cos(angle)
      const y = grid.centreY + ((grid.radius * score) / 4) * Math.sin(angle)
      if (near(pixels, x, y, [0x0b, 0x5c, 0xad]) && near(pixels, x, y, [0xc2, 0x57, 0x0c])) both++
    })
    expect(both).toBeGreaterThanOrEqual(8)
  })
})
