import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ratingFromSheet } from '@/domain/rating'
import { createSheet, type Sheet } from '@/domain/sheet'
import { useRatingsStore } from '@/stores/ratings'
import { useMemoryStorage } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

function scored(sheet: Sheet, author: string, datamining: number): Sheet {
  const copy = structuredClone(sheet)
  copy.author = author
  copy.radar.datamining.prototype = datamining
  return copy
}

describe('ratings store', () => {
  let sheet: Sheet
  let memory: ReturnType<typeof useMemoryStorage>

  beforeEach(async () => {
    setActivePinia(createPinia())
    sheet = createSheet({ title: 'Notée à trois' })
    sheet.radar.datamining = { prototype: 4, scaleUp: null, comment: 'Commentaire de la fiche' }
    memory = useMemoryStorage([sheet])
    const now = new Date()
    await memory.repository.importSheets([], {
      ratings: [0, 1, 3].map((score, index) => ratingFromSheet(scored(sheet, `Personne ${index + 1}`, score), { source: 'fichier', now })),
    })
  })

  it('reads the consensus of the sheet’s ratings and adopts its medians, then undoes it', async () => {
    const store = useRatingsStore()
    await store.open(sheet.id)
    expect(store.ratings).toHaveLength(3)
    expect(store.consensus?.medians.datamining).toEqual({ prototype: 1, scaleUp: null })
    const adopted = await store.adopt()
    expect(adopted.ok).toBe(true)
    expect(memory.sheets.get(sheet.id)?.radar.datamining).toEqual({ prototype: 1, scaleUp: null, comment: 'Commentaire de la fiche' })
    expect(memory.sheets.get(sheet.id)?.origin).toBe('collectif')
    if (!adopted.ok) return
    expect(await store.undoAdopt(adopted.undo)).toMatchObject({ ok: true })
    expect(memory.sheets.get(sheet.id)?.radar.datamining.prototype).toBe(4)
    expect(memory.sheets.get(sheet.id)?.origin).toBeNull()
  })

  it('undoes nothing over a change made after the adoption', async () => {
    const store = useRatingsStore()
    await store.open(sheet.id)
    const adopted = await store.adopt()
    if (!adopted.ok) throw new Error('adopt')
    // Someone edits the sheet in the editor meanwhile.
    await memory.repository.save({ ...memory.sheets.get(sheet.id)!, author: 'Éditée ensuite' })
    expect(await store.undoAdopt(adopted.undo)).toEqual({ ok: false, reason: 'changed' })
    expect(memory.sheets.get(sheet.id)?.radar.datamining.prototype).toBe(1)
    expect(memory.sheets.get(sheet.id)?.author).toBe('Éditée ensuite')
  })

  it('offers no consensus under 2 ratings, and a removed rating comes back', async () => {
    const store = useRatingsStore()
    await store.open(sheet.id)
    const [first, second] = store.ratings
    await store.remove(first!.id)
    await store.remove(second!.id)
    expect(store.consensus).toBeNull()
    expect(await store.adopt()).toEqual({ ok: false, reason: 'missing' })
    await store.putBack(first!)
    expect(store.ratings).toHaveLength(2)
    expect(store.consensus?.ratings).toBe(2)
  })

  it('counts a sheet’s ratings for its page, 0 for a sheet nobody rated', async () => {
    const store = useRatingsStore()
    expect(await store.countOf(sheet.id)).toBe(3)
    expect(await store.countOf(crypto.randomUUID())).toBe(0)
  })

  it('gathers look-alike sheets picked by hand as ratings of one sheet, and « Annuler » puts everything back', async () => {
    const store = useRatingsStore()
    const again = { ...scored(sheet, 'Personne 1', 2), id: crypto.randomUUID() }
    const newcomer = { ...scored(sheet, 'Personne 9', 4), id: crypto.randomUUID() }
    await memory.repository.importSheets([again, newcomer])
    const gathered = await store.gather(sheet.id, [again.id, newcomer.id, sheet.id])
    // « Personne 1 » rated already: their new scores replace the old; « Personne 9 » is added; the target is skipped.
    expect(gathered.added.map((rating) => rating.rater)).toEqual(['Personne 1', 'Personne 9'])
    expect(gathered.replaced.map((rating) => rating.rater)).toEqual(['Personne 1'])
    expect(gathered.deleted).toEqual([again.id, newcomer.id])
    const after = await memory.repository.listRatings(sheet.id)
    expect(after.map((rating) => [rating.rater, rating.radar.datamining.prototype, rating.source]).sort()).toEqual([
      ['Personne 1', 2, 'atelier'],
      ['Personne 2', 1, 'fichier'],
      ['Personne 3', 3, 'fichier'],
      ['Personne 9', 4, 'atelier'],
    ])
    expect(memory.sheets.has(again.id)).toBe(false)
    expect(memory.sheets.has(newcomer.id)).toBe(false)

    await store.undoGather(gathered)
    const back = await memory.repository.listRatings(sheet.id)
    expect(back.map((rating) => [rating.rater, rating.radar.datamining.prototype]).sort()).toEqual([
      ['Personne 1', 0],
      ['Personne 2', 1],
      ['Personne 3', 3],
    ])
    expect(memory.sheets.has(again.id)).toBe(true)
    expect(memory.sheets.has(newcomer.id)).toBe(true)
  })
})
