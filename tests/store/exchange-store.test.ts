import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { serializeSheets } from '@/domain/exchange'
import { createSheet, type Sheet } from '@/domain/sheet'
import { useExchangeStore } from '@/stores/exchange'
import { isQuotaError } from '@/domain/storage-errors'
import { useMemoryStorage } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

const copyTitle = (title: string) => `${title} (importée)`

function fileOf(sheets: Sheet[], name = 'fiches.json') {
  return new File([serializeSheets(sheets, new Date())], name, { type: 'application/json' })
}

function changed(sheet: Sheet): Sheet {
  const copy = structuredClone(sheet)
  copy.project.description = 'Version de la métropole'
  return copy
}

async function untilConflict(store: ReturnType<typeof useExchangeStore>) {
  // Reading and planning are asynchronous: wait for the question, however busy the machine is.
  await vi.waitFor(() => expect(store.stage).toBe('conflict'), { timeout: 30_000, interval: 5 })
}

describe('exchange store: importing a bundle with conflicts', () => {
  let local: Sheet[]
  let memory: ReturnType<typeof useMemoryStorage>

  beforeEach(() => {
    setActivePinia(createPinia())
    local = [createSheet({ title: 'A' }), createSheet({ title: 'B' }), createSheet({ title: 'C' })]
    memory = useMemoryStorage(local)
  })

  it('applies one answer to every conflict when asked to', async () => {
    const store = useExchangeStore()
    const done = store.importFiles([fileOf([...local.map(changed), createSheet({ title: 'D' })])], copyTitle)
    await untilConflict(store)
    expect(store.conflictPosition).toEqual({ index: 1, total: 3 })
    store.answer('theirs', true)
    await done
    expect(store.totals).toEqual({ added: 1, replaced: 3, skipped: 0 })
    expect([...memory.sheets.values()].filter((sheet) => sheet.project.description === 'Version de la métropole')).toHaveLength(3)
  })

  it('asks for each conflict otherwise, and "keep both" adds a renamed copy', async () => {
    const store = useExchangeStore()
    const done = store.importFiles([fileOf([changed(local[0]!), changed(local[1]!)])], copyTitle)
    await untilConflict(store)
    store.answer('mine')
    await untilConflict(store)
    expect(store.conflictPosition.index).toBe(2)
    store.answer('both')
    await done
    expect(store.totals).toEqual({ added: 1, replaced: 0, skipped: 1 })
    expect([...memory.sheets.values()].map((sheet) => sheet.project.title).sort()).toEqual(['A', 'B', 'B (importée)', 'C'])
  })

  it('writes nothing of a file when the person cancels', async () => {
    const store = useExchangeStore()
    const before = JSON.stringify([...memory.sheets.values()])
    const done = store.importFiles([fileOf([createSheet({ title: 'New' }), changed(local[2]!)])], copyTitle)
    await untilConflict(store)
    store.answer('cancel')
    await done
    expect(store.cancelled).toBe(true)
    expect(JSON.stringify([...memory.sheets.values()])).toBe(before)
  })

  it('goes on with the next files after a refused one, and reports it', async () => {
    const store = useExchangeStore()
    const broken = new File(['{"format":"autre"}'], 'autre.json')
    await store.importFiles([broken, fileOf([createSheet({ title: 'E' })], 'e.json')], copyTitle)
    expect(store.refused.map((file) => [file.fileName, file.problems[0]?.kind])).toEqual([['autre.json', 'not-our-format']])
    expect(store.totals.added).toBe(1)
  })

  it('says the storage is full when the write fails on quota, and keeps the library as it was', async () => {
    memory.repository.importSheets = async () => {
      throw Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })
    }
    const store = useExchangeStore()
    await store.importFiles([fileOf([createSheet({ title: 'F' })])], copyTitle)
    expect(isQuotaError(store.writeError)).toBe(true)
    expect(memory.sheets.size).toBe(3)
  })
})
