// The sync's state in memory, with the behaviour of the IndexedDB store (src/storage/sync-state.ts), for the sync
// engine's tests against a server on loopback.
import type { SyncedDocument } from '@/domain/shared-workshop'
import type { SharedWorkshopRecord, SyncConflictRecord, SyncStateStore, SyncedVote, SyncedWorkshop } from '@/storage/workshop-sync'

export function createMemorySyncState(): SyncStateStore {
  const shared = new Map<string, SharedWorkshopRecord>()
  const sheets = new Map<string, Map<string, SyncedDocument>>()
  const workshops = new Map<string, SyncedWorkshop>()
  const conflicts = new Map<string, Map<string, SyncConflictRecord>>()
  const ratings = new Map<string, Map<string, string>>()
  const votes = new Map<string, Map<string, SyncedVote>>()
  const of = <T>(map: Map<string, Map<string, T>>, key: string) => {
    if (!map.has(key)) map.set(key, new Map())
    return map.get(key)!
  }
  return {
    getShared: async (workshopId) => structuredClone(shared.get(workshopId)),
    listShared: async () => structuredClone([...shared.values()]),
    putShared: async (record) => void shared.set(record.workshopId, structuredClone(record)),
    syncedSheets: async (workshopId) => structuredClone(of(sheets, workshopId)),
    async putSyncedSheets(workshopId, entries) {
      for (const [sheetId, synced] of entries) {
        if (synced) of(sheets, workshopId).set(sheetId, structuredClone(synced))
        else of(sheets, workshopId).delete(sheetId)
      }
    },
    syncedWorkshop: async (workshopId) => structuredClone(workshops.get(workshopId)),
    putSyncedWorkshop: async (workshopId, synced) => void workshops.set(workshopId, structuredClone(synced)),
    syncedRatings: async (workshopId) => new Map(of(ratings, workshopId)),
    async putSyncedRating(workshopId, ratingId, rev) {
      if (rev) of(ratings, workshopId).set(ratingId, rev)
      else of(ratings, workshopId).delete(ratingId)
    },
    syncedVotes: async (workshopId) => structuredClone(new Map(of(votes, workshopId))),
    async putSyncedVote(workshopId, voteId, synced) {
      if (synced) of(votes, workshopId).set(voteId, structuredClone(synced))
      else of(votes, workshopId).delete(voteId)
    },
    conflicts: async (workshopId) => structuredClone([...of(conflicts, workshopId).values()]),
    putConflict: async (record) => void of(conflicts, record.workshopId).set(record.sheetId, structuredClone(record)),
    removeConflict: async (workshopId, sheetId) => void of(conflicts, workshopId).delete(sheetId),
  }
}
