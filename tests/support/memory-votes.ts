// Votes in memory, with the behaviour of the Dexie repository (src/storage/votes-repository.ts), for store and
// component tests: copies in and out (as IndexedDB's structured clone makes them), a workshop's votes the most
// recently changed first, and observers called back on every change of their vote — with the vote, or undefined once
// it is removed. The same behaviours are checked on Dexie in tests/browser/votes.browser.test.ts.
import type { Vote } from '@/domain/vote'
import type { VotesRepository } from '@/storage'

export function createMemoryVotes(initial: Vote[] = []) {
  const votes = new Map(initial.map((vote) => [vote.id, structuredClone(vote)]))
  const listeners = new Map<string, Set<(vote: Vote | undefined) => void>>()
  const copy = (vote: Vote | undefined) => (vote ? structuredClone(vote) : undefined)
  // Like liveQuery: each observer hears the vote as it now is, a copy of its own.
  const changed = (id: string) => listeners.get(id)?.forEach((listener) => listener(copy(votes.get(id))))

  const repository: VotesRepository = {
    listForWorkshop: async (workshopId) =>
      [...votes.values()]
        .filter((vote) => vote.workshopId === workshopId)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((vote) => copy(vote)!),
    get: async (id) => copy(votes.get(id)),
    async put(vote) {
      votes.set(vote.id, structuredClone(vote))
      changed(vote.id)
    },
    async remove(id) {
      votes.delete(id)
      changed(id)
    },
    observe(id, onChange) {
      const forVote = listeners.get(id) ?? new Set()
      forVote.add(onChange)
      listeners.set(id, forVote)
      return () => {
        forVote.delete(onChange)
        if (forVote.size === 0) listeners.delete(id)
      }
    },
  }
  return { repository, votes }
}
