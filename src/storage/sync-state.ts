// What the workshop sync knows, in IndexedDB beside the sheets: it survives the tab, the browser and the night.
import type { SyncedDocument } from '@/domain/shared-workshop'
import type { SheetDatabase } from './db'
import type { SyncStateStore, SyncedVote } from './workshop-sync'

export function createSyncState(db: SheetDatabase): SyncStateStore {
  return {
    getShared: (workshopId) => db.sharedWorkshops.get(workshopId),
    listShared: () => db.sharedWorkshops.toArray(),
    async putShared(record) {
      await db.sharedWorkshops.put(record)
    },
    async syncedSheets(workshopId) {
      const records = await db.syncedSheets.where('workshopId').equals(workshopId).toArray()
      return new Map(records.map(({ sheetId, rev, localRevision, base }): [string, SyncedDocument] => [sheetId, { rev, localRevision, base }]))
    },
    async putSyncedSheets(workshopId, entries) {
      const agreed = entries.flatMap(([sheetId, synced]) => (synced ? [{ workshopId, sheetId, ...synced }] : []))
      const forgotten = entries.flatMap(([sheetId, synced]): [string, string][] => (synced ? [] : [[workshopId, sheetId]]))
      await db.transaction('rw', db.syncedSheets, async () => {
        if (agreed.length > 0) await db.syncedSheets.bulkPut(agreed)
        if (forgotten.length > 0) await db.syncedSheets.bulkDelete(forgotten)
      })
    },
    async syncedWorkshop(workshopId) {
      const record = await db.syncedWorkshops.get(workshopId)
      return record ? { rev: record.rev, base: record.base } : undefined
    },
    async putSyncedWorkshop(workshopId, synced) {
      await db.syncedWorkshops.put({ workshopId, ...synced })
    },
    async syncedRatings(workshopId) {
      const records = await db.syncedRatings.where('workshopId').equals(workshopId).toArray()
      return new Map(records.map(({ ratingId, rev }): [string, string] => [ratingId, rev]))
    },
    async putSyncedRating(workshopId, ratingId, rev) {
      if (rev) await db.syncedRatings.put({ workshopId, ratingId, rev })
      else await db.syncedRatings.delete([workshopId, ratingId])
    },
    async syncedVotes(workshopId) {
      const records = await db.syncedVotes.where('workshopId').equals(workshopId).toArray()
      return new Map(records.map(({ voteId, rev, base }): [string, SyncedVote] => [voteId, base ? { rev, base } : { rev }]))
    },
    async putSyncedVote(workshopId, voteId, synced) {
      if (synced) await db.syncedVotes.put({ workshopId, voteId, ...synced })
      else await db.syncedVotes.delete([workshopId, voteId])
    },
    conflicts: (workshopId) => db.syncConflicts.where('workshopId').equals(workshopId).sortBy('detectedAt'),
    async putConflict(record) {
      await db.syncConflicts.put(record)
    },
    async removeConflict(workshopId, sheetId) {
      await db.syncConflicts.delete([workshopId, sheetId])
    },
  }
}
