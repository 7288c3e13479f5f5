// The import never settles a conflict against an old copy, never ignores files given while it is busy, and can
// always be cancelled, even while a file is being read.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { serializeSheets } from '@/domain/exchange'
import { createSheet, type Sheet } from '@/domain/sheet'
import { useExchangeStore } from '@/stores/exchange'
import { useMemoryStorage } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

// Reading a file named "lent.json" waits until the import is cancelled: a file too big to read quickly.
vi.mock('@/services/read-exchange-file', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/services/read-exchange-file')>()
  return {
    readExchangeFile: (file: File, signal?: AbortSignal) =>
      file.name === 'lent.json'
        ? new Promise((_, reject) =>
            signal?.addEventListener('abort', () => reject(new DOMException('Import cancelled', 'AbortError'))),
          )
        : original.readExchangeFile(file, signal),
  }
})

const copyTitle = (title: string) => `${title} (importée)`
const fileOf = (sheets: Sheet[], name = 'fiches.json') =>
  new File([serializeSheets(sheets, new Date())], name, { type: 'application/json' })

let memory: ReturnType<typeof useMemoryStorage>
let local: Sheet

beforeEach(() => {
  setActivePinia(createPinia())
  local = createSheet({ title: 'Mobilité rurale' })
  memory = useMemoryStorage([local])
})

const untilStage = (store: ReturnType<typeof useExchangeStore>, stage: string) =>
  vi.waitFor(() => expect(store.stage).toBe(stage), { timeout: 30_000, interval: 5 })

describe('import conflicts are settled against the library as it is', () => {
  it('asks again when the sheet changed elsewhere while the question was open', async () => {
    const store = useExchangeStore()
    const theirs = { ...structuredClone(local), organisation: 'Version du fichier' }
    const done = store.importFiles([fileOf([theirs])], copyTitle)
    await untilStage(store, 'conflict')
    // Another tab edits the sheet while the person reads the question.
    await memory.repository.save({ ...local, author: 'Autre onglet' })
    store.answer('theirs')
    await vi.waitFor(() => expect(store.changedMeanwhile).toBe(true), { timeout: 30_000, interval: 5 })
    await untilStage(store, 'conflict')
    expect(store.conflict?.local.author).toBe('Autre onglet')
    expect(memory.sheets.get(local.id)?.organisation).toBe('')
    // Asked again with the current version in view, the person still takes theirs: now it is written.
    store.answer('theirs')
    await done
    expect(memory.sheets.get(local.id)?.organisation).toBe('Version du fichier')
    expect(store.totals).toEqual({ added: 0, replaced: 1, skipped: 0, rated: 0 })
  })
})

describe('files given while an import is under way', () => {
  it('wait their turn and are imported in the same run', async () => {
    const store = useExchangeStore()
    const changed = { ...structuredClone(local), organisation: 'Autre' }
    const done = store.importFiles([fileOf([changed])], copyTitle)
    await untilStage(store, 'conflict')
    const dropped = createSheet({ title: 'Déposée pendant la question' })
    await store.importFiles([fileOf([dropped], 'deposee.json')], copyTitle)
    expect(store.queued.map((file) => file.name)).toEqual(['deposee.json'])
    store.answer('mine')
    await done
    expect(memory.sheets.has(dropped.id)).toBe(true)
    expect(store.totals).toEqual({ added: 1, replaced: 0, skipped: 1, rated: 0 })
    expect(store.queued).toEqual([])
  })
})

describe('cancelling', () => {
  it('stops a file being read, writes nothing, and drops the files waiting', async () => {
    const store = useExchangeStore()
    const waiting = createSheet({ title: 'En attente' })
    const done = store.importFiles([new File(['{}'], 'lent.json'), fileOf([waiting], 'ensuite.json')], copyTitle)
    await untilStage(store, 'reading')
    expect(store.currentFile).toBe('lent.json')
    store.cancel()
    await done
    expect(store.stage).toBe('done')
    expect(store.cancelled).toBe(true)
    expect(memory.sheets.has(waiting.id)).toBe(false)
  })
})
