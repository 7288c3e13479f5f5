// Counting a ranked vote (docs/method.md, « Le vote »), as the Comité Territorial de la Donnée did: in each group,
// every ballot gives the candidate it ranks last 2 points and one more per better rank (the best of 4 gets 5); the
// points add up; the best `keptPerGroup` are kept, the others go « en réserve »; a tie across that cut-off waits for
// the chair. Pure: the results screen, the CSV, the PNG and the sheets' decisions all read this.
import { pointsForRank, ranksInGroup, type Ballot, type Candidate, type TieBreak, type Vote, type VoteGroup, type VoteRules } from './vote'

export interface TallyRow {
  candidate: Candidate
  points: number
  /** How many ballots ranked this candidate (at any rank). */
  rankedBy: number
  /** How many ballots ranked it first. */
  firstRanks: number
  /** 1 + the number of candidates with more points: tied candidates share a place. */
  place: number
  /** Another candidate of the group has the same points. */
  tied: boolean
  /** Kept, in reserve, or waiting for the chair (a tie across the cut-off not broken yet). */
  outcome: 'kept' | 'reserve' | 'pending'
}

interface TieAtCutoff {
  /** The tied candidates, in the rows' order. */
  sheetIds: string[]
  /** How many of them can be kept. */
  seats: number
  /** The chair's decision, when recorded for exactly these candidates. */
  decision: TieBreak | null
}

export interface GroupTally {
  group: VoteGroup
  /** Ranks on a ballot in this group: the rules' number, or fewer when the group is smaller. */
  ranks: number
  /** Ballots that rank at least one candidate of the group. */
  ballots: number
  /** Ballots that abstain in the group (or rank nobody in it). */
  abstentions: number
  /** By points, best first; equal points in a fixed order (see `compareRows`), shown as a tie. */
  rows: TallyRow[]
  tie: TieAtCutoff | null
  /** The group's outcome is known: no tie across the cut-off, or the chair has decided it. */
  settled: boolean
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** Equal points keep a fixed order — by label, then by sheet id — so that every copy lists a tie the same way. */
function compareRows(a: TallyRow, b: TallyRow): number {
  return b.points - a.points || collator.compare(a.candidate.label, b.candidate.label) || (a.candidate.sheetId < b.candidate.sheetId ? -1 : 1)
}

/** One group's count from the ballots; `tieBreak` is the chair's decision recorded for this group, if any. */
export function tallyGroup(group: VoteGroup, ballots: readonly Ballot[], rules: VoteRules, tieBreak?: TieBreak): GroupTally {
  const ranks = ranksInGroup(group, rules)
  const rows = new Map<string, TallyRow>(
    group.candidates.map((candidate) => [
      candidate.sheetId,
      { candidate, points: 0, rankedBy: 0, firstRanks: 0, place: 0, tied: false, outcome: 'reserve' },
    ]),
  )
  let cast = 0
  let abstentions = 0
  for (const ballot of ballots) {
    const ranking = ballot.rankings[group.id]
    if (ranking === undefined || ranking === 'abstention' || ranking.length === 0) {
      abstentions++
      continue
    }
    if (ranking.length > ranks) throw new RangeError(`A ballot ranks ${ranking.length} candidates of ${ranks} in group ${group.id}`)
    cast++
    ranking.forEach((sheetId, index) => {
      const row = rows.get(sheetId)
      if (!row) throw new RangeError(`A ballot ranks ${sheetId}, not a candidate of group ${group.id}`)
      row.points += pointsForRank(index + 1, ranks)
      row.rankedBy++
      if (index === 0) row.firstRanks++
    })
  }

  const sorted = [...rows.values()].sort(compareRows)
  for (const row of sorted) {
    row.place = 1 + sorted.filter((other) => other.points > row.points).length
    row.tied = sorted.some((other) => other !== row && other.points === row.points)
  }

  const kept = rules.keptPerGroup
  let tie: TieAtCutoff | null = null
  if (sorted.length <= kept) {
    for (const row of sorted) row.outcome = 'kept'
  } else {
    const cutoffPoints = sorted[kept - 1]!.points
    const tiedAcross = sorted[kept]!.points === cutoffPoints
    for (const row of sorted) row.outcome = row.points > cutoffPoints || (!tiedAcross && row.points === cutoffPoints) ? 'kept' : 'reserve'
    if (tiedAcross) {
      const tied = sorted.filter((row) => row.points === cutoffPoints)
      const seats = kept - sorted.filter((row) => row.points > cutoffPoints).length
      const ids = tied.map((row) => row.candidate.sheetId)
      const decides =
        tieBreak !== undefined && tieBreak.order.length === ids.length && ids.every((id) => tieBreak.order.includes(id))
      tie = { sheetIds: ids, seats, decision: decides ? tieBreak : null }
      if (decides) {
        const chosen = new Set(tieBreak.order.slice(0, seats))
        for (const row of tied) row.outcome = chosen.has(row.candidate.sheetId) ? 'kept' : 'reserve'
        // The chair's order is the order shown among the tied candidates.
        const first = sorted.indexOf(tied[0]!)
        const inChairOrder = tieBreak.order.map((id) => tied.find((row) => row.candidate.sheetId === id)!)
        sorted.splice(first, tied.length, ...inChairOrder)
      } else {
        for (const row of tied) row.outcome = 'pending'
      }
    }
  }
  return { group, ranks, ballots: cast, abstentions, rows: sorted, tie, settled: tie === null || tie.decision !== null }
}

/** Every group's count. */
export function tallyVote(vote: Pick<Vote, 'groups' | 'ballots' | 'rules' | 'tieBreaks'>): GroupTally[] {
  return vote.groups.map((group) =>
    tallyGroup(group, vote.ballots, vote.rules, vote.tieBreaks.find((tieBreak) => tieBreak.groupId === group.id)),
  )
}

/** The decision the results give each candidate, once every group is settled (undefined before). */
export function decisionsOf(tallies: readonly GroupTally[]): { sheetId: string; status: 'priorise' | 'reserve'; points: number }[] | undefined {
  if (tallies.some((tally) => !tally.settled)) return undefined
  return tallies.flatMap((tally) =>
    tally.rows.map((row) => ({ sheetId: row.candidate.sheetId, status: row.outcome === 'kept' ? 'priorise' : 'reserve', points: row.points })),
  )
}
