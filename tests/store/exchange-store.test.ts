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
    expect(store.totals).toEqual({ added: 1, replaced: 3, skipped: 0, rated: 0 })
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
    expect(store.totals).toEqual({ added: 1, replaced: 0, skipped: 1, rated: 0 })
    expect([...memory.sheets.values()].map((sheet) => sheet.project.title).sort()).toEqual(['A', 'B', 'B (importée)', 'C'])
  })

  it('adds a copy scored otherwise as a rating of the local sheet, which stays as it is', async () => {
    const store = useExchangeStore()
    const theirs = (author: string, score: number) => {
      const copy = structuredClone(local[0]!)
      copy.author = author
      copy.radar.rgpd.prototype = score
      copy.radar.rgpd.comment = `Avis de ${author}`
      return copy
    }
    // Camille's copy and Dominique's; then a copy with the same scores but another description: no rating offered.
    const files = [fileOf([theirs('Camille', 3)], 'camille.json'), fileOf([theirs('Dominique', 1)], 'dominique.json'), fileOf([changed(local[0]!)], 'texte.json')]
    const done = store.importFiles(files, copyTitle)
    await untilConflict(store)
    expect(store.conflict?.scoresDiffer).toBe(true)
    expect(store.conflict?.incoming.author).toBe('Camille')
    store.answer('rating')
    await vi.waitFor(() => expect(store.conflict?.incoming.author).toBe('Dominique'), { timeout: 30_000, interval: 5 })
    store.answer('rating')
    // The third file's copy has the local scores: it is asked about, and « avis » is not among the answers.
    await vi.waitFor(() => expect(store.conflict?.incoming.project.description).toBe('Version de la métropole'), { timeout: 30_000, interval: 5 })
    expect(store.conflict?.scoresDiffer).toBe(false)
    store.answer('mine')
    await done
    expect(store.totals).toEqual({ added: 0, replaced: 0, skipped: 1, rated: 2 })
    expect(memory.sheets.get(local[0]!.id)).toEqual(local[0])
    const ratings = [...memory.ratings.values()]
    expect(ratings.map((rating) => [rating.sheetId, rating.rater, rating.source, rating.radar.rgpd.prototype, rating.radar.rgpd.comment])).toEqual([
      [local[0]!.id, 'Camille', 'fichier', 3, 'Avis de Camille'],
      [local[0]!.id, 'Dominique', 'fichier', 1, 'Avis de Dominique'],
    ])
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

describe('exchange store: sheets that arrive by a link or QR codes', () => {
  let memory: ReturnType<typeof useMemoryStorage>

  beforeEach(() => {
    setActivePinia(createPinia())
    memory = useMemoryStorage([createSheet({ title: 'Déjà là' })])
  })

  async function payloadOf(sheets: Sheet[]) {
    const { encodePayload } = await import('@/domain/share-code')
    return encodePayload(serializeSheets(sheets, new Date()))
  }

  it('shows what a link carries and writes nothing until the person agrees', async () => {
    const store = useExchangeStore()
    const shared = createSheet({ title: 'Compteurs vélo', organisation: 'Métropole' })
    const done = store.importSharedPayload(await payloadOf([shared]), 'Lien de partage', copyTitle)
    await vi.waitFor(() => expect(store.stage).toBe('preview'), { timeout: 30_000, interval: 5 })
    expect(store.preview).toEqual({ source: 'Lien de partage', sheets: [{ title: 'Compteurs vélo', organisation: 'Métropole' }], workshopTitle: null })
    expect(memory.sheets.has(shared.id)).toBe(false)
    store.confirmPreview(true)
    await done
    expect(memory.sheets.get(shared.id)?.project.title).toBe('Compteurs vélo')
    expect(store.totals).toEqual({ added: 1, replaced: 0, skipped: 0, rated: 0 })
  })

  it('writes nothing when the preview is declined', async () => {
    const store = useExchangeStore()
    const shared = createSheet({ title: 'Compteurs vélo' })
    const done = store.importSharedPayload(await payloadOf([shared]), 'Lien de partage', copyTitle)
    await vi.waitFor(() => expect(store.stage).toBe('preview'), { timeout: 30_000, interval: 5 })
    store.cancel()
    await done
    expect(store.cancelled).toBe(true)
    expect(memory.sheets.has(shared.id)).toBe(false)
  })

  it('refuses a damaged link, or one that does not inflate, naming it, with nothing written', async () => {
    const store = useExchangeStore()
    await store.importSharedPayload('damaged', 'Lien de partage', copyTitle)
    expect(store.refused).toEqual([{ fileName: 'Lien de partage', problems: [{ kind: 'share-damaged' }] }])
    await store.importSharedPayload('AAAA_____', 'Lien de partage', copyTitle)
    expect(store.refused).toEqual([{ fileName: 'Lien de partage', problems: [{ kind: 'share-damaged' }] }])
    expect(store.stage).toBe('done')
    expect(memory.sheets.size).toBe(1)
  })

  it('imports quietly for the QR scanner and reports the titles received', async () => {
    const store = useExchangeStore()
    const file = fileOf([createSheet({ title: 'Reçue par QR code' })], 'QR code')
    const report = await store.importFiles([file], copyTitle, { quiet: true })
    expect(report).toEqual({ titles: ['Reçue par QR code'], refused: false, cancelled: false })
    // Nothing to ask or refuse: no dialog stays open over the scanner.
    expect(store.stage).toBe('idle')
  })
})
