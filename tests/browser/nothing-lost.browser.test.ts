// Nothing lost on the way out and back in, in real Chromium: a library of any size is exported as files that each
// import back identical; a worker that fails or a cancelled import always reaches the page; a damaged or inflated
// radar PNG is refused with its own French message; and the radar image keeps every title inside its edges.
import { afterEach, describe, expect, it } from 'vitest'
import atelierText from '../fixtures/examples/fiches-atelier.json?raw'
import ficheSante from '../fixtures/examples/fiche-sante.json?raw'
import {
  MAX_FILE_BYTES,
  parseExchangeFile,
  serializeSheets,
  splitForExport,
  type ImportProblem,
} from '@/domain/exchange'
import { sheetsFileName } from '@/domain/file-names'
import { addTextChunk } from '@/domain/png-chunk'
import type { Dataset, Sheet } from '@/domain/sheet'
import { LIMITS } from '@/domain/vocabulary'
import { testTranslate } from '../i18n'
import { describeImportProblem } from '@/presentation/import-problem'
import { radarImageLabels } from '@/presentation/radar-image-labels'
import { IMAGE_HEIGHT, IMAGE_WIDTH, renderRadarImage } from '@/services/radar-image'
import { readExchangeFile, type ReadResult } from '@/services/read-exchange-file'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository, type SheetsRepository } from '@/storage/sheets-repository'
import { pixelsOf } from '../support/pixels'

const { t, te } = testTranslate()

const exportedAt = new Date('2026-11-25T10:00:00.000Z')
const WORKER_THRESHOLD_BYTES = 256 * 1024

function sheetsOf(text: string, name: string): Sheet[] {
  const parsed = parseExchangeFile(text)
  if (!parsed.ok) throw new Error(`${name} should parse`)
  return parsed.sheets
}

const atelier = sheetsOf(atelierText, 'fiches-atelier.json')
const sante = sheetsOf(ficheSante, 'fiche-sante.json')[0]!

/** `count` distinct, valid sheets: the workshop's sheets under new ids and numbered titles. */
function manySheets(count: number): Sheet[] {
  return Array.from({ length: count }, (_, index) => {
    const sheet = structuredClone(atelier[index % atelier.length]!)
    sheet.id = crypto.randomUUID()
    sheet.project.title = `${sheet.project.title.slice(0, 150)} — n° ${index + 1}`
    return sheet
  })
}

// Latin-1 accents take two bytes in UTF-8 but one in memory: the files weigh more than their text's length.
const WORDS = [
  'données', 'collectivité', 'territoire', 'mobilité', 'santé', 'éclairage', 'réseau', 'capteur', 'déchets',
  'énergie', 'école', 'bâtiment', 'voirie', 'eau', 'assainissement', 'cadastre', 'population', 'habitat',
  'transport', 'élus', 'agents', 'usagers', 'géographie', 'tableau', 'indicateur', 'qualité', 'fréquentation',
  'prévision', 'consommation', 'commune', 'département', 'région', 'intercommunalité', 'marché', 'convention',
  'hébergement', 'sécurité', 'accessibilité', 'événement', 'équipement', 'agriculture', 'forêt', 'littoral',
  'crèche', 'collège', 'lycée', 'bibliothèque', 'piscine', 'stade', 'parking', 'vélo', 'piéton', 'à', 'où',
  'ça', 'côte', '«', '»', 'naïf', 'maïs', 'Noël',
]

/** Deterministic words of varied lengths, so no two descriptions are alike and none compresses to nothing. */
function prose(seed: number, maxLength: number): string {
  let state = seed >>> 0 || 1
  const words: string[] = []
  let length = 0
  for (;;) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    const word = WORDS[state % WORDS.length]!
    if (length + word.length + 1 > maxLength) break
    words.push(word)
    length += word.length + 1
  }
  return words.join(' ')
}

/** A sheet of about 2.5 MB: 400 datasets, each with a description at the 5,000-character limit and long notes. */
function largeSheet(index: number): Sheet {
  const sheet = structuredClone(atelier[index % atelier.length]!)
  sheet.id = crypto.randomUUID()
  sheet.project.title = `Inventaire des données n° ${index + 1}`
  sheet.data.datasets = Array.from(
    { length: 400 },
    (_, row): Dataset => ({
      name: `Jeu de données ${index + 1}.${row + 1} — ${prose(index * 1_000 + row + 7, 120)}`,
      description: prose(index * 100_000 + row + 1, LIMITS.longText),
      owner: `Service ${row % 17}`,
      access: row % 2 === 0 ? 'open-data' : 'convention',
      personal: row % 3 === 0 ? 'oui' : 'non',
      notes: prose(index * 100_000 + row + 50_000, 1_500),
    }),
  )
  return sheet
}

const byId = (a: Sheet, b: Sheet) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

// Own prefix: sheets-repository.browser.test.ts deletes every "test-" database after each of its tests, and browser
// test files may run side by side.
const DB_PREFIX = 'nothing-lost-'
const opened: SheetDatabase[] = []

function freshRepository(): { db: SheetDatabase; repository: SheetsRepository } {
  const db = new SheetDatabase(`${DB_PREFIX}${crypto.randomUUID()}`)
  opened.push(db)
  return { db, repository: createSheetsRepository(db) }
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    // Chromium may say "blocked" while the closed connection lets go of large values: deletion still follows.
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(db.name)
      request.onsuccess = resolve
      request.onerror = () => reject(request.error)
    })
  }
})

/** Exports the sheets as the backup does: one file, or several parts named « partie n sur N ». */
function exportBackup(sheets: readonly Sheet[]): File[] {
  const parts = splitForExport(sheets)
  return parts.map((part, index) => {
    const name = sheetsFileName(part, exportedAt, { index: index + 1, total: parts.length })
    return new File([serializeSheets(part, exportedAt)], name, { type: 'application/json' })
  })
}

/** Reads every file as a dropped file is read and imports each into the repository; returns the sheets per file. */
async function importBackup(files: readonly File[], repository: SheetsRepository): Promise<number[]> {
  const counts: number[] = []
  for (const file of files) {
    const result = await readExchangeFile(file)
    expect(result.ok, `${file.name} should be accepted`).toBe(true)
    if (!result.ok) return counts
    expect(await repository.importSheets(result.sheets)).toMatchObject({ ok: true })
    counts.push(result.sheets.length)
  }
  return counts
}

/** Replaces globalThis.Worker for the duration of `run`, always putting the real one back. */
async function withWorker<T>(replacement: typeof Worker, run: () => Promise<T>): Promise<T> {
  const RealWorker = globalThis.Worker
  globalThis.Worker = replacement
  try {
    return await run()
  } finally {
    globalThis.Worker = RealWorker
  }
}

/** Reads the file with the real worker, counting how many workers it started. */
async function readCountingWorkers(file: Blob): Promise<{ result: ReadResult; workers: number }> {
  const RealWorker = globalThis.Worker
  let workers = 0
  const result = await withWorker(
    class extends RealWorker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args)
        workers++
      }
    },
    () => readExchangeFile(file),
  )
  return { result, workers }
}

/** Settles with what the promise did, or with 'hung' if it did neither within `ms` (a generous bound, not a timing). */
async function settledWithin<T>(promise: Promise<T>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const hung = new Promise<{ status: 'hung' }>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'hung' }), ms)
  })
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ status: 'resolved' as const, value }),
        (error: unknown) => ({ status: 'rejected' as const, error }),
      ),
      hung,
    ])
  } finally {
    clearTimeout(timer)
  }
}

function problemsOf(result: ReadResult): ImportProblem[] {
  return result.ok ? [] : result.problems
}

function messagesOf(result: ReadResult): string[] {
  return problemsOf(result).map((problem) => describeImportProblem(problem, t, te))
}

describe('backups of a whole library', () => {
  it('exports a library of 10,001 sheets as files that each import back into a fresh profile, identical', { timeout: 180_000 }, async () => {
    const sheets = manySheets(10_001)
    expect(new Set(sheets.map((sheet) => sheet.id)).size).toBe(10_001)

    const parts = splitForExport(sheets)
    expect(parts.map((part) => part.length)).toEqual([10_000, 1])
    // In the given order, nothing left out and nothing twice.
    expect(parts.flat().map((sheet) => sheet.id)).toEqual(sheets.map((sheet) => sheet.id))

    const files = exportBackup(sheets)
    expect(files.map((file) => file.name)).toEqual([
      expect.stringMatching(/^fiches-\d{4}-\d{2}-\d{2}-partie-1-sur-2\.json$/),
      expect.stringMatching(/^fiches-\d{4}-\d{2}-\d{2}-partie-2-sur-2\.json$/),
    ])
    for (const file of files) expect(file.size).toBeLessThan(MAX_FILE_BYTES)
    // The big part is read by the worker, as a dropped file of that size is.
    expect(files[0]!.size).toBeGreaterThan(WORKER_THRESHOLD_BYTES)

    const { db, repository } = freshRepository()
    expect(await importBackup(files, repository)).toEqual([10_000, 1])

    expect(await db.summaries.count()).toBe(10_001)
    const stored = await repository.getAll()
    expect(stored).toHaveLength(10_001)
    expect(stored.sort(byId)).toEqual([...sheets].sort(byId))
  })

  it('exports sheets weighing more than 50 MB together as parts under the limit that import back identical', { timeout: 300_000 }, async () => {
    const sheets = Array.from({ length: 24 }, (_, index) => largeSheet(index))
    // Every sheet is valid as built: what is exported is exactly what was built.
    for (const sheet of sheets) expect(parseExchangeFile(serializeSheets([sheet], exportedAt))).toEqual({ ok: true, sheets: [sheet] })

    // As one file, the backup would be refused on import, before a byte is read.
    {
      const whole = new File([serializeSheets(sheets, exportedAt)], 'fiches-2026-11-25.json', { type: 'application/json' })
      expect(whole.size).toBeGreaterThan(MAX_FILE_BYTES)
      const refused = await readExchangeFile(whole)
      expect(problemsOf(refused)).toEqual([{ kind: 'too-large', bytes: whole.size }])
    }

    const files = exportBackup(sheets)
    expect(files.length).toBeGreaterThanOrEqual(2)
    files.forEach((file, index) => {
      expect(file.size).toBeLessThan(MAX_FILE_BYTES)
      expect(file.name).toMatch(new RegExp(`-partie-${index + 1}-sur-${files.length}\\.json$`))
    })

    const { repository } = freshRepository()
    const counts = await importBackup(files, repository)
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(sheets.length)

    const stored = await repository.getAll()
    expect(stored).toHaveLength(sheets.length)
    expect(stored.sort(byId)).toEqual([...sheets].sort(byId))
  })
})

describe('a worker that fails reaches the page', () => {
  /** A valid file large enough to be read by a worker. */
  function largeValidFile(count = 1_000): File {
    const file = new File([serializeSheets(manySheets(count), exportedAt)], 'fiches-2026-11-25.json', {
      type: 'application/json',
    })
    expect(file.size).toBeGreaterThan(WORKER_THRESHOLD_BYTES)
    return file
  }

  /** A worker that never parses anything: the first message it is sent makes it fail with `event`, later. */
  function brokenWorker(failure: 'error' | 'messageerror') {
    const started: { terminated: boolean }[] = []
    class BrokenWorker extends EventTarget {
      onmessage: ((event: MessageEvent) => void) | null = null
      onerror: ((event: ErrorEvent) => void) | null = null
      onmessageerror: ((event: MessageEvent) => void) | null = null
      terminated = false

      constructor() {
        super()
        started.push(this)
      }

      postMessage() {
        setTimeout(() => {
          if (this.terminated) return
          if (failure === 'error') {
            const event = new ErrorEvent('error', { message: 'Uncaught RangeError: out of memory' })
            this.dispatchEvent(event)
            this.onerror?.(event)
          } else {
            const event = new MessageEvent('messageerror')
            this.dispatchEvent(event)
            this.onmessageerror?.(event)
          }
        }, 10)
      }

      terminate() {
        this.terminated = true
      }
    }
    return { started, BrokenWorker: BrokenWorker as unknown as typeof Worker }
  }

  it.each(['error', 'messageerror'] as const)(
    'rejects, rather than waiting for ever, when the worker fires %s',
    async (failure) => {
      const file = largeValidFile()
      const { started, BrokenWorker } = brokenWorker(failure)
      const outcome = await withWorker(BrokenWorker, () => settledWithin(readExchangeFile(file), 30_000))
      expect(outcome.status).toBe('rejected')
      expect(outcome.status === 'rejected' && outcome.error).toBeInstanceOf(Error)
      // The failed worker is not left running.
      expect(started).toHaveLength(1)
      expect(started[0]!.terminated).toBe(true)
    },
  )

  it('rejects when a real worker throws while parsing', async () => {
    const file = largeValidFile()
    const RealWorker = globalThis.Worker
    const script = URL.createObjectURL(
      new Blob(['self.onmessage = () => { throw new Error("deliberate crash (nothing-lost test)") }'], { type: 'text/javascript' }),
    )
    // Chromium logs the worker's own uncaught error: one "Uncaught Error: deliberate crash" line in the run's output,
    // sometimes shown under the next test, is expected.
    try {
      const outcome = await withWorker(
        class extends RealWorker {
          constructor() {
            super(script)
          }
        } as unknown as typeof Worker,
        () => settledWithin(readExchangeFile(file), 30_000),
      )
      expect(outcome.status).toBe('rejected')
      expect(outcome.status === 'rejected' && String(outcome.error)).toContain('deliberate crash')
    } finally {
      URL.revokeObjectURL(script)
    }
  })

  it('rejects with an AbortError when the person cancels while the real worker reads a large file, and stops the worker', async () => {
    const file = largeValidFile(3_000)
    const controller = new AbortController()
    const RealWorker = globalThis.Worker
    const workers: { posted: boolean; terminated: boolean }[] = []
    const outcome = await withWorker(
      class extends RealWorker {
        state = { posted: false, terminated: false }
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args)
          workers.push(this.state)
        }
        // readExchangeFile sends the file alone, without transfer list or options.
        override postMessage(message: unknown) {
          super.postMessage(message)
          this.state.posted = true
          // Cancelled while the worker has the file: long before it can have answered.
          queueMicrotask(() => controller.abort())
        }
        override terminate() {
          this.state.terminated = true
          super.terminate()
        }
      } as typeof Worker,
      () => settledWithin(readExchangeFile(file, controller.signal), 30_000),
    )
    expect(outcome.status).toBe('rejected')
    expect(outcome.status === 'rejected' && (outcome.error as Error).name).toBe('AbortError')
    expect(workers).toEqual([{ posted: true, terminated: true }])
  })
})

describe('a radar PNG is always parsed in the worker, and its problems are told apart', () => {
  // The smallest valid PNG: one transparent pixel (as in tests/unit/png-chunk.test.ts).
  const ONE_PIXEL = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
    (char) => char.charCodeAt(0),
  )

  async function radarPng(): Promise<Uint8Array> {
    const blob = await renderRadarImage(sante, radarImageLabels(sante, t), exportedAt)
    return new Uint8Array(await blob.arrayBuffer())
  }

  const pngFile = (bytes: Uint8Array, name = 'radar.png') => new File([bytes as BlobPart], name, { type: 'image/png' })

  /** Where the data of our iTXt chunk starts (after its length and type). */
  function iTxtDataStart(png: Uint8Array): number {
    const type = new TextDecoder('latin1').decode(png).indexOf('iTXtfiche-projet-data\0')
    expect(type).toBeGreaterThan(0)
    return type + 4
  }

  it('reads an exported radar PNG in exactly one worker and finds its sheet', async () => {
    const { result, workers } = await readCountingWorkers(pngFile(await radarPng()))
    expect(workers).toBe(1)
    expect(result).toEqual({ ok: true, sheets: [sante] })
  })

  it('reads a PNG far below the worker threshold in a worker too, since what it carries may inflate', async () => {
    const png = await addTextChunk(ONE_PIXEL, serializeSheets([sante], exportedAt))
    expect(png.length).toBeLessThan(WORKER_THRESHOLD_BYTES / 10)
    const { result, workers } = await readCountingWorkers(pngFile(png, 'petit.png'))
    expect(workers).toBe(1)
    expect(result).toEqual({ ok: true, sheets: [sante] })
  })

  it('says a truncated radar PNG is damaged', async () => {
    const png = await radarPng()
    const { result, workers } = await readCountingWorkers(pngFile(png.slice(0, png.length - 30)))
    expect(workers).toBe(1)
    expect(problemsOf(result)).toEqual([{ kind: 'png-corrupt' }])
    expect(messagesOf(result)).toEqual([expect.stringContaining('abîmée')])
  })

  it('says a radar PNG with one byte of its sheet changed is damaged', async () => {
    const png = await radarPng()
    const flipped = png.slice()
    const position = iTxtDataStart(png) + 40
    const length = new DataView(png.buffer, png.byteOffset).getUint32(iTxtDataStart(png) - 8)
    expect(position).toBeLessThan(iTxtDataStart(png) + length)
    flipped[position] = flipped[position]! ^ 0x01
    const { result, workers } = await readCountingWorkers(pngFile(flipped))
    expect(workers).toBe(1)
    expect(problemsOf(result)).toEqual([{ kind: 'png-corrupt' }])
    expect(messagesOf(result)).toEqual([expect.stringContaining('abîmée')])
  })

  it('refuses a small PNG whose embedded text would inflate beyond 50 MB, saying so', { timeout: 120_000 }, async () => {
    const bomb = await addTextChunk(ONE_PIXEL, 'x'.repeat(51 * 1024 * 1024))
    // The file itself is tiny: only what it inflates to is over the limit.
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const { result, workers } = await readCountingWorkers(pngFile(bomb, 'bombe.png'))
    expect(workers).toBe(1)
    expect(problemsOf(result)).toEqual([{ kind: 'png-sheet-too-large' }])
    expect(messagesOf(result)).toEqual([expect.stringContaining('dépasse 50 Mo')])
  })
})

describe('the radar image keeps long titles inside the image', () => {

  async function imageWithTitle(title: string) {
    const sheet = structuredClone(sante)
    sheet.project.title = title
    const { width, height, data } = await pixelsOf(await renderRadarImage(sheet, radarImageLabels(sheet, t), exportedAt))
    expect([width, height]).toEqual([IMAGE_WIDTH, IMAGE_HEIGHT])
    const pixel = (x: number, y: number) => data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)
    /** Not white: any ink at all, anti-aliased edges included. */
    const inked = (x: number, y: number) => {
      const [r, g, b] = pixel(x, y)
      return r! < 250 || g! < 250 || b! < 250
    }
    /** As dark as the title's colour (#1b1f24): the muted texts below it (#4f5863) never get this dark. */
    const titleInk = (x: number, y: number) => {
      const [r, g, b] = pixel(x, y)
      return r! < 55 && g! < 60 && b! < 65
    }
    return { width, height, inked, titleInk }
  }

  /** Where the panel beside the chart starts (the chart is 1170 px wide): the axis labels stay left of it. */
  const PANEL_LEFT = 1180

  /** Rows of the right panel with title-dark ink, grouped into runs of consecutive rows: one run per line. */
  function titleLines(image: Awaited<ReturnType<typeof imageWithTitle>>, fromX: number, toY: number): number[][] {
    const runs: number[][] = []
    let previous = -2
    for (let y = 0; y < toY; y++) {
      let dark = false
      for (let x = fromX; x < image.width && !dark; x++) dark = image.titleInk(x, y)
      if (!dark) continue
      if (y === previous + 1) runs.at(-1)!.push(y)
      else runs.push([y])
      previous = y
    }
    return runs
  }

  function expectRightEdgeBlank(image: Awaited<ReturnType<typeof imageWithTitle>>) {
    const inkAtEdge: [number, number][] = []
    for (let y = 0; y < image.height; y++)
      for (let x = image.width - 24; x < image.width; x++) if (image.inked(x, y)) inkAtEdge.push([x, y])
    expect(inkAtEdge.slice(0, 10)).toEqual([])
  }

  it('cuts a 200-character title without spaces into lines that stay inside the image', async () => {
    const title = 'A'.repeat(120) + 'B'.repeat(80)
    expect(title).toHaveLength(LIMITS.shortText)
    const image = await imageWithTitle(title)

    expectRightEdgeBlank(image)
    // The title is drawn, in the panel right of the chart, near the top.
    let titleInk = 0
    for (let y = 0; y < 250; y++) for (let x = PANEL_LEFT; x < image.width; x++) if (image.titleInk(x, y)) titleInk++
    expect(titleInk).toBeGreaterThan(2_000)
    // Cut at four lines, the last one ending with an ellipsis, above the organisation and legend.
    expect(titleLines(image, PANEL_LEFT, 210)).toHaveLength(4)
  })

  it('draws a title of many words in at most four lines, inside the image', async () => {
    const title = Array.from({ length: 22 }, () => 'Mobilité').join(' ')
    expect(title.length).toBeLessThanOrEqual(LIMITS.shortText)
    const image = await imageWithTitle(title)

    expectRightEdgeBlank(image)
    const lines = titleLines(image, PANEL_LEFT, 210)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.length).toBeLessThanOrEqual(4)
  })
})
