// Benchmark in Chromium of what a big library costs: importing a file, opening the library, filtering it while
// typing. Run with `npm run bench`; it prints medians next to the targets. It is kept out of `npm test` because
// timings depend on the machine: the tests below only check that the work was really done (counts), never speed.
//
// The file is `.mts` on purpose: tsconfig.node.json includes `bench/**/*.ts` without the `@/` alias or the DOM
// test types, so a `.ts` file here would break `vue-tsc --build`.
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import atelierText from '../tests/fixtures/examples/fiches-atelier.json?raw'
import { parseExchangeFile, serializeSheets } from '@/domain/exchange'
import type { Sheet } from '@/domain/sheet'
import { normaliseForSearch } from '@/domain/summary'
import { readExchangeFile } from '@/services/read-exchange-file'
import { useRepository } from '../tests/support/storage-double'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository } from '@/storage/sheets-repository'
import { useLibraryStore } from '@/stores/library'

// The library store reads the repository this benchmark opens on its own database.
vi.mock('@/storage', () => import('../tests/support/storage-double'))

const RUNS = 5
const DB_PREFIX = 'bench-'

interface Row {
  measure: string
  median: number
  runs: number[]
  target?: string
}

const rows: Row[] = []

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function record(measure: string, runs: number[], target?: string) {
  rows.push({ measure, median: median(runs), runs, target })
}

/** Runs `work` RUNS times (after `prepare`, which is not timed) and returns each duration in ms. */
async function timeRuns<T>(prepare: () => Promise<T> | T, work: (input: T) => Promise<unknown> | unknown) {
  const durations: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const input = await prepare()
    const started = performance.now()
    await work(input)
    durations.push(performance.now() - started)
  }
  return durations
}

const ms = (value: number) => `${value.toFixed(1)} ms`

function printTable() {
  const header = ['measure', `median of ${RUNS}`, 'target', 'runs (ms)']
  const lines = rows.map((row) => [
    row.measure,
    ms(row.median),
    row.target ?? '',
    row.runs.map((value) => value.toFixed(0)).join(' / '),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)))
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')
  console.log(
    [
      '',
      `Fiche Projet Data benchmark — ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent}, ` +
        `${navigator.hardwareConcurrency} logical cores`,
      format(header),
      widths.map((width) => '-'.repeat(width)).join('-|-'),
      ...lines.map(format),
      '',
    ].join('\n'),
  )
}

// Realistic sheets: the workshop's sheets (description, stakeholders, datasets, legal notes) under new ids, with
// titles and organisations varied so that a search matches some sheets and not others. The first workshop sheet
// (3.3 KB) is left out so that sheets average about 1.5 KB of compact JSON, the size the field notes measured.
const models: Sheet[] = (() => {
  const parsed = parseExchangeFile(atelierText)
  if (!parsed.ok) throw new Error('fiches-atelier.json should parse')
  return parsed.sheets.slice(1)
})()
const verbs = ['Cartographier', 'Prévoir', 'Optimiser', 'Mesurer', 'Analyser', 'Piloter', 'Ouvrir']
const subjects = [
  'la mobilité rurale',
  'le transport à la demande',
  'l’éclairage public',
  'la collecte des déchets',
  'la qualité de l’eau',
  'l’offre de santé',
  'les bâtiments scolaires',
  'la consommation d’énergie',
  'le mobilier urbain connecté',
  'la fréquentation touristique',
  'les vélos en libre-service',
  'le risque d’inondation',
  'le stationnement',
]
const places = ['Gers', 'Haut-Jura', 'Morbihan', 'Cozzano', 'Montpellier', 'Lozère', 'Ardèche', 'Val-de-Marne', 'Nièvre']

function benchSheets(count: number): Sheet[] {
  return Array.from({ length: count }, (_, index) => {
    const sheet = structuredClone(models[index % models.length]!)
    sheet.id = crypto.randomUUID()
    sheet.project.title = `${verbs[index % verbs.length]} ${subjects[index % subjects.length]} — ${index + 1}`
    sheet.organisation = `Collectivité ${places[index % places.length]}`
    // Distinct timestamps, as in a real library, so the updatedAt index has a real order to walk.
    const stamp = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString()
    sheet.createdAt = stamp
    sheet.updatedAt = stamp
    return sheet
  })
}

const exportedAt = new Date('2026-11-25T10:00:00.000Z')

/** The expected result of a one-word search, computed independently of the store. */
function perQueryCount(summaries: readonly { searchText: string }[], query: string): number {
  const word = normaliseForSearch(query)
  return summaries.filter((summary) => summary.searchText.includes(word)).length
}

async function freshDatabase(): Promise<SheetDatabase> {
  const db = new SheetDatabase(`${DB_PREFIX}${crypto.randomUUID()}`)
  // Opened before timing: creating the database is not what an import costs.
  await db.open()
  return db
}

/** Raw IndexedDB deletion: waits until the closed connection is gone, without Dexie's "blocked" warning. */
async function deleteDatabase(db: SheetDatabase) {
  db.close()
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(db.name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${db.name}`))
  })
}

afterAll(async () => {
  printTable()
  for (const { name } of await indexedDB.databases()) {
    if (name?.startsWith(DB_PREFIX)) indexedDB.deleteDatabase(name)
  }
})

describe('benchmark', () => {
  for (const count of [2_000, 10_000]) {
    it(`imports a file of ${count.toLocaleString('en')} sheets: parse + validate, then store`, async () => {
      const sheets = benchSheets(count)
      const text = serializeSheets(sheets, exportedAt)
      const bytes = new Blob([text]).size
      const compact = new Blob([JSON.stringify(sheets)]).size / count / 1024
      const label =
        `${count.toLocaleString('en')} sheets (file ${(bytes / 1024 / 1024).toFixed(1)} MB, ` +
        `${compact.toFixed(1)} KB/sheet compact)`

      const parse: number[] = []
      const store: number[] = []
      const total: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const db = await freshDatabase()
        const started = performance.now()
        const result = parseExchangeFile(text)
        const parsed = performance.now()
        if (!result.ok) throw new Error('the benchmark file should be valid')
        await createSheetsRepository(db).importSheets(result.sheets)
        const stored = performance.now()
        parse.push(parsed - started)
        store.push(stored - parsed)
        total.push(stored - started)
        expect(await db.summaries.count()).toBe(count)
        await deleteDatabase(db)
      }
      const importTarget = count === 2_000 ? '≤ 1000 ms' : undefined
      record(`import ${label}: parseExchangeFile`, parse)
      record(`import ${count.toLocaleString('en')}: importSheets (fresh db)`, store)
      record(`import ${count.toLocaleString('en')}: parse + store`, total, importTarget)

      // What a dropped file really goes through: Blob read, parse and validation in the worker, result posted back.
      const file = new File([text], 'fiches.json', { type: 'application/json' })
      const viaWorker = await timeRuns(
        () => undefined,
        async () => {
          const result = await readExchangeFile(file)
          expect(result.ok && result.sheets.length).toBe(count)
        },
      )
      record(`import ${count.toLocaleString('en')}: readExchangeFile (worker)`, viaWorker)

      // How long the page itself freezes meanwhile: the longest gap between the ticks of a 10 ms timer, including
      // the structured-clone deserialisation of the worker's answer, which happens on the page.
      const gaps: number[] = []
      for (let run = 0; run < RUNS; run++) {
        let last = performance.now()
        let longestGap = 0
        const timer = setInterval(() => {
          const now = performance.now()
          longestGap = Math.max(longestGap, now - last)
          last = now
        }, 10)
        try {
          await readExchangeFile(file)
        } finally {
          clearInterval(timer)
        }
        gaps.push(Math.max(longestGap, performance.now() - last))
      }
      record(`import ${count.toLocaleString('en')}: longest main-thread gap during the worker read`, gaps, '< 200 ms')
    })
  }

  it('refuses a file nested 100,000 levels deep', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const file = new File([`{"format":"fiche-projet-data","version":1,"exportedAt":"${exportedAt.toISOString()}","sheets":${deep}}`], 'profond.json')
    const runs = await timeRuns(
      () => undefined,
      async () => {
        const result = await readExchangeFile(file)
        expect(result.ok).toBe(false)
      },
    )
    record('refuse a file nested 100,000 deep (read + parse + depth check)', runs, '< 1000 ms')
  })

  it('opens and filters a library of 10,000 sheets', async () => {
    const count = 10_000
    const name = `${DB_PREFIX}library-${crypto.randomUUID()}`
    const seed = new SheetDatabase(name)
    await createSheetsRepository(seed).importSheets(benchSheets(count))
    seed.close()

    // Each run on a new connection, as when the page is opened; opening the connection is measured apart.
    const connections: SheetDatabase[] = []
    const reopen = () => {
      const db = new SheetDatabase(name)
      connections.push(db)
      return db
    }
    record('library 10,000: open connection', await timeRuns(reopen, (db) => db.open()))
    record(
      'library 10,000: listSummaries() (all summaries)',
      await timeRuns(
        async () => {
          const db = reopen()
          await db.open()
          return db
        },
        async (db) => expect(await createSheetsRepository(db).listSummaries()).toHaveLength(count),
      ),
      '≤ 300 ms',
    )
    record(
      'library 10,000: first screen (50 newest summaries)',
      await timeRuns(
        async () => {
          const db = reopen()
          await db.open()
          return db
        },
        async (db) => expect(await db.summaries.orderBy('updatedAt').reverse().limit(50).toArray()).toHaveLength(50),
      ),
      '≤ 300 ms',
    )

    // The library store as the page uses it, on this database.
    const loads: number[] = []
    const keystrokes = ['m', 'mo', 'mob', 'mobi']
    const perKeystroke = new Map<string, number[]>(keystrokes.map((query) => [query, []]))
    // The other order the page offers: a collator sort on top of the filter.
    const byTitle = new Map<string, number[]>(['', 'm'].map((query) => [query, []]))
    for (let run = 0; run < RUNS; run++) {
      setActivePinia(createPinia())
      const db = reopen()
      await db.open()
      useRepository(createSheetsRepository(db))
      const library = useLibraryStore()
      let started = performance.now()
      await library.load()
      loads.push(performance.now() - started)
      expect(library.summaries).toHaveLength(count)

      for (const query of keystrokes) {
        library.query = query
        // `visible` is a lazy computed: reading it is when the filtering happens.
        started = performance.now()
        const shown = library.visible.length
        perKeystroke.get(query)!.push(performance.now() - started)
        expect(shown).toBe(perQueryCount(library.summaries, query))
      }
      if (run === 0) {
        const counts = keystrokes.map((query) => {
          library.query = query
          return `"${query}": ${library.visible.length}`
        })
        console.log(`matches in 10,000 sheets — ${counts.join(', ')}`)
      }
      library.sort = 'title'
      for (const [query, durations] of byTitle) {
        library.query = query
        started = performance.now()
        const shown = library.visible.length
        durations.push(performance.now() - started)
        expect(shown).toBe(query === '' ? count : perQueryCount(library.summaries, query))
      }
    }
    record('library 10,000: store load() (purge trash + list)', loads, '≤ 300 ms')
    for (const [query, durations] of perKeystroke)
      record(`search 10,000: query "${query}" (read visible)`, durations, '≤ 50 ms')
    for (const [query, durations] of byTitle)
      record(`search 10,000 sorted by title: query "${query}"`, durations, '≤ 50 ms')

    for (const db of connections) db.close()
    await deleteDatabase(seed)
  })
})
