// What the workshop sync knows, in IndexedDB through Dexie, in Chromium: written, read back by another connection
// (a page opened later), and kept apart per workshop.
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { createSheet } from '@/domain/sheet'
import { SheetDatabase } from '@/storage/db'
import { createSyncState } from '@/storage/sync-state'

const opened: Dexie[] = []

function database(name: string) {
  const db = new SheetDatabase(name)
  opened.push(db)
  return db
}

afterEach(async () => {
  const names = new Set(opened.map((db) => db.name))
  for (const db of opened.splice(0)) db.close()
  for (const name of names) await Dexie.delete(name)
})

describe('the sync state in Chromium', () => {
  it('keeps what was agreed with the server and the conflicts waiting, for a page opened later', async () => {
    const name = `sync-state-${crypto.randomUUID()}`
    const workshopId = crypto.randomUUID()
    const other = crypto.randomUUID()
    const sheet = createSheet({ title: 'Cantines' })
    const first = database(name)
    const state = createSyncState(first)
    await state.putShared({ workshopId, database: `fiche-projet-data-atelier-${workshopId}`, lastSeq: '12-abc', sharedAt: '2026-12-06T09:00:00.000Z' })
    await state.putSyncedSheets(workshopId, [[sheet.id, { rev: '3-x', localRevision: 5, base: sheet }]])
    await state.putSyncedSheets(other, [[sheet.id, { rev: '1-y', localRevision: 1, base: sheet }]])
    await state.putSyncedWorkshop(workshopId, { rev: '2-w', base: { block: { id: workshopId, title: 'Atelier', date: null, place: '', facilitator: '' }, sheetIds: [sheet.id] } })
    const theirs = { ...structuredClone(sheet), author: 'Camille' }
    await state.putConflict({ workshopId, sheetId: sheet.id, mine: sheet, theirs, theirsRev: '4-z', fields: ['author'], detectedAt: '2026-12-06T09:05:00.000Z' })
    await state.putSyncedRating(workshopId, 'avis-1', '1-r')
    await state.putSyncedVote(workshopId, 'vote-1', { rev: '5-v' })
    first.close()

    const later = createSyncState(database(name))
    expect(await later.getShared(workshopId)).toMatchObject({ lastSeq: '12-abc' })
    expect((await later.listShared()).map((shared) => shared.workshopId)).toEqual([workshopId])
    expect(await later.syncedSheets(workshopId)).toEqual(new Map([[sheet.id, { rev: '3-x', localRevision: 5, base: sheet }]]))
    expect((await later.syncedWorkshop(workshopId))?.rev).toBe('2-w')
    expect(await later.conflicts(workshopId)).toEqual([expect.objectContaining({ sheetId: sheet.id, theirs, fields: ['author'] })])
    expect(await later.conflicts(other)).toEqual([])
    expect(await later.syncedRatings(workshopId)).toEqual(new Map([['avis-1', '1-r']]))
    expect(await later.syncedRatings(other)).toEqual(new Map())
    expect(await later.syncedVotes(workshopId)).toEqual(new Map([['vote-1', { rev: '5-v' }]]))

    await later.removeConflict(workshopId, sheet.id)
    await later.putSyncedSheets(workshopId, [[sheet.id, undefined]])
    expect(await later.conflicts(workshopId)).toEqual([])
    expect(await later.syncedSheets(workshopId)).toEqual(new Map())
    expect((await later.syncedSheets(other)).size).toBe(1)
  })

  it('records and forgets several sheets in one write, as a page of the server’s changes is taken', async () => {
    const state = createSyncState(database(`sync-state-${crypto.randomUUID()}`))
    const workshopId = crypto.randomUUID()
    const [cantines, voirie, eclairage] = ['Cantines', 'Voirie', 'Éclairage'].map((title) => createSheet({ title }))
    await state.putSyncedSheets(workshopId, [
      [cantines!.id, { rev: '1-a', localRevision: 1, base: cantines! }],
      [voirie!.id, { rev: '1-b', localRevision: 1, base: voirie! }],
    ])
    await state.putSyncedSheets(workshopId, [
      [cantines!.id, undefined],
      [eclairage!.id, { rev: '2-c', localRevision: 3, base: eclairage! }],
    ])
    const synced = await state.syncedSheets(workshopId)
    expect([...synced.keys()].sort()).toEqual([voirie!.id, eclairage!.id].sort())
    expect(synced.get(eclairage!.id)).toEqual({ rev: '2-c', localRevision: 3, base: eclairage })
  })
})
