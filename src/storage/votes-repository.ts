// Votes in IndexedDB: one record per vote, the whole of it (voters, ballots, history, the chair's decisions), so a
// ballot is recorded in one write and a reload shows exactly what was recorded. A vote names its workshop and its
// candidates' sheets by id; it is never deleted with them (the record of a vote stays as it was cast).
import { observeChanges } from './live-changes'
import type { Vote } from '@/domain/vote'
import { SheetDatabase } from './db'

export interface VotesRepository {
  /** The votes of a workshop, the most recently changed first. */
  listForWorkshop(workshopId: string): Promise<Vote[]>
  get(id: string): Promise<Vote | undefined>
  /** Stores the vote as given (the domain's operations made it; the store checks nothing more). */
  put(vote: Vote): Promise<void>
  remove(id: string): Promise<void>
  /** Calls back with the vote whenever it changes (in this tab or another), undefined once deleted. */
  observe(id: string, onChange: (vote: Vote | undefined) => void): () => void
}

export function createVotesRepository(db = new SheetDatabase()): VotesRepository {
  return {
    async listForWorkshop(workshopId) {
      const votes = await db.votes.where('workshopId').equals(workshopId).toArray()
      return votes.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    },
    get: (id) => db.votes.get(id),
    async put(vote) {
      await db.votes.put(vote)
    },
    async remove(id) {
      await db.votes.delete(id)
    },
    observe(id, onChange) {
      return observeChanges(() => db.votes.get(id), onChange)
    },
  }
}
