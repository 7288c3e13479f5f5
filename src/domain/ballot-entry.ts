// A ballot as the entry screen holds it: per group, the abstention box and one slot per rank (a sheet id or '' for
// an empty slot). Ranks must follow each other from 1: a ballot with rank 3 filled and rank 2 empty would give the
// third choice the second's points, so it is pointed out rather than closed up silently.
import { ranksInGroup, type Ranking, type Vote } from './vote'

export interface GroupEntry {
  abstain: boolean
  /** One per rank, best first: a sheet id, or '' while empty. */
  slots: string[]
}

export type EntryProblem = { groupId: string; kind: 'gap'; rank: number } | { groupId: string; kind: 'repeated'; rank: number }

/** The entry of a group for this ranking (an empty one when the voter has none yet). */
function entryFor(ranks: number, ranking: Ranking | undefined): GroupEntry {
  const slots = Array.from({ length: ranks }, (_, index) => (Array.isArray(ranking) ? (ranking[index] ?? '') : ''))
  return { abstain: ranking === 'abstention', slots }
}

/** Empty entries for every group, or the voter's current ballot when it is being corrected. */
export function entriesFor(vote: Vote, voterId: string): Record<string, GroupEntry> {
  const current = vote.ballots.find((ballot) => ballot.voterId === voterId)
  return Object.fromEntries(
    vote.groups.map((group) => [group.id, entryFor(ranksInGroup(group, vote.rules), current?.rankings[group.id])]),
  )
}

/** What is wrong with the entries: a rank left empty before a filled one, a sheet in two ranks. */
export function entryProblems(entries: Record<string, GroupEntry>): EntryProblem[] {
  const problems: EntryProblem[] = []
  for (const [groupId, entry] of Object.entries(entries)) {
    if (entry.abstain) continue
    const lastFilled = entry.slots.reduce((last, slot, index) => (slot !== '' ? index : last), -1)
    const gap = entry.slots.findIndex((slot, index) => slot === '' && index < lastFilled)
    if (gap >= 0) problems.push({ groupId, kind: 'gap', rank: gap + 1 })
    const repeated = entry.slots.findIndex((slot, index) => slot !== '' && entry.slots.indexOf(slot) < index)
    if (repeated >= 0) problems.push({ groupId, kind: 'repeated', rank: repeated + 1 })
  }
  return problems
}

/** The rankings the entries say (check entryProblems first): an abstention, or the filled ranks in order. */
export function rankingsOf(entries: Record<string, GroupEntry>): Record<string, Ranking> {
  return Object.fromEntries(
    Object.entries(entries).map(([groupId, entry]) => [
      groupId,
      entry.abstain ? 'abstention' : entry.slots.filter((slot) => slot !== ''),
    ]),
  )
}

/** The slots with `sheetId` put at `rank` (0-based); if it was at another rank, the two swap. */
export function placeAt(slots: readonly string[], sheetId: string, rank: number): string[] {
  const next = [...slots]
  const from = next.indexOf(sheetId)
  if (from >= 0) next[from] = next[rank] ?? ''
  next[rank] = sheetId
  return next
}
