// A committee's ranked vote (docs/method.md, « Le vote »): which sheets compete in which group, who votes (one voter
// per organisation, declared at the start), the rules, the ballots with every correction kept, and the chair's
// decisions on ties. The Zod schema is the truth for the stored record and the vote file; the operations are pure
// and return a new vote (or what is wrong), so the store only saves what they give.
import { z } from 'zod'
import { isoDateTime, list, requiredText, text } from './schema-parts'
import { LIMITS } from './vocabulary'

export const DEFAULT_RANKS_PER_BALLOT = 4
export const DEFAULT_KEPT_PER_GROUP = 2
const MAX_VOTERS = 200
const MAX_GROUPS = 50
export const MAX_CANDIDATES_PER_GROUP = 50

const voteRulesSchema = z.object({
  /** How many candidates a voter ranks in each group (fewer when the group has fewer). */
  ranksPerBallot: z.number().int().min(1).max(MAX_CANDIDATES_PER_GROUP).default(DEFAULT_RANKS_PER_BALLOT),
  /** How many candidates of each group are kept (« priorisés »); the others go « en réserve ». */
  keptPerGroup: z.number().int().min(1).max(MAX_CANDIDATES_PER_GROUP).default(DEFAULT_KEPT_PER_GROUP),
})

/** A sheet in the running, with the name it had when the vote was set up (the results read without the sheet). */
const candidateSchema = z.object({
  sheetId: z.uuid(),
  label: requiredText(LIMITS.shortText),
})

/** A group of candidates (a commission, a theme): each voter ranks within each group. */
const voteGroupSchema = z.object({
  id: z.uuid(),
  label: text(LIMITS.shortText),
  candidates: z.array(candidateSchema).min(1).max(MAX_CANDIDATES_PER_GROUP),
})

const voterSchema = z.object({
  id: z.uuid(),
  /** One voter per organisation: required, unique within the vote. */
  organisation: requiredText(LIMITS.shortText),
  /** Who holds the organisation's vote, if said. */
  name: text(LIMITS.shortText),
})

/** A voter's ranking in one group, best first, or their abstention. */
export const rankingSchema = z.union([z.array(z.uuid()).max(MAX_CANDIDATES_PER_GROUP), z.literal('abstention')])

const BALLOT_CHANNELS = ['saisie', 'fichier', 'lien', 'qr'] as const

const ballotSchema = z.object({
  voterId: z.uuid(),
  /** By group id. A group missing from a ballot is an abstention in it. */
  rankings: z.record(z.uuid(), rankingSchema),
  recordedAt: isoDateTime,
  /** Entered on the facilitator's device, or received from the voter's own. */
  channel: z.enum(BALLOT_CHANNELS).default('saisie'),
})

/** What happened to a ballot: its first recording, then each correction, with the rankings as they then were. */
const ballotEventSchema = z.object({
  kind: z.enum(['enregistre', 'corrige']),
  voterId: z.uuid(),
  at: isoDateTime,
  rankings: z.record(z.uuid(), rankingSchema),
  reason: text(LIMITS.note),
})

/** The chair's order among candidates tied across the cut-off of a group (« départage par la présidence »). */
const tieBreakSchema = z.object({
  groupId: z.uuid(),
  order: z.array(z.uuid()).min(2).max(MAX_CANDIDATES_PER_GROUP),
  reason: requiredText(LIMITS.note),
  decidedAt: isoDateTime,
})

export const voteSchema = z.object({
  id: z.uuid(),
  /** The workshop the vote belongs to. */
  workshopId: z.uuid(),
  title: requiredText(LIMITS.shortText),
  /** The day of the vote (its results say « vote du … »). */
  date: z.iso.date(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  rules: voteRulesSchema.prefault({}),
  groups: z.array(voteGroupSchema).min(1).max(MAX_GROUPS),
  voters: list(voterSchema, MAX_VOTERS),
  /** The current ballot of each voter who voted. */
  ballots: list(ballotSchema, MAX_VOTERS),
  history: list(ballotEventSchema, MAX_VOTERS * 20),
  tieBreaks: list(tieBreakSchema, MAX_GROUPS),
  /** When the results were confirmed and the sheets' decisions set; null before. */
  confirmedAt: isoDateTime.nullable().default(null),
})
  // A sheet competes once: in two groups it would get two decisions.
  .refine((vote) => {
    const ids = vote.groups.flatMap((group) => group.candidates.map((candidate) => candidate.sheetId))
    return new Set(ids).size === ids.length
  }, { message: 'candidate-in-two-groups', path: ['groups'] })
  // A vote read from a file must count: every ballot by a declared voter, once, ranking only its group's candidates
  // (each once, at most k); every decision of the chair about a group's candidates. The operations below never make
  // anything else; a hand-edited file could, and the count would then throw or count a candidate twice.
  .superRefine((vote, context) => {
    const problem = (message: string, path: (string | number)[]) => context.addIssue({ code: 'custom', message, path })
    const organisations = vote.voters.map((voter) => organisationKey(voter.organisation))
    if (new Set(organisations).size !== organisations.length) problem('duplicate-organisation', ['voters'])
    const voters = new Set(vote.voters.map((voter) => voter.id))
    if (voters.size !== vote.voters.length) problem('duplicate-voter', ['voters'])
    const groups = new Map(vote.groups.map((group) => [group.id, group]))
    const balloted = new Set<string>()
    vote.ballots.forEach((ballot, index) => {
      if (!voters.has(ballot.voterId)) problem('unknown-voter', ['ballots', index, 'voterId'])
      if (balloted.has(ballot.voterId)) problem('two-ballots', ['ballots', index, 'voterId'])
      balloted.add(ballot.voterId)
      for (const [groupId, ranking] of Object.entries(ballot.rankings)) {
        const group = groups.get(groupId)
        if (!group) problem('unknown-group', ['ballots', index, 'rankings', groupId])
        else for (const kind of rankingProblems(group, ranking, vote.rules)) problem(kind, ['ballots', index, 'rankings', groupId])
      }
    })
    vote.history.forEach((event, index) => {
      if (!voters.has(event.voterId)) problem('unknown-voter', ['history', index, 'voterId'])
    })
    vote.tieBreaks.forEach((tieBreak, index) => {
      const group = groups.get(tieBreak.groupId)
      const candidates = new Set(group?.candidates.map((candidate) => candidate.sheetId))
      if (!group) problem('unknown-group', ['tieBreaks', index, 'groupId'])
      else if (new Set(tieBreak.order).size !== tieBreak.order.length || tieBreak.order.some((id) => !candidates.has(id)))
        problem('unknown-candidate', ['tieBreaks', index, 'order'])
    })
  })

export type VoteRules = z.output<typeof voteRulesSchema>
export type Candidate = z.output<typeof candidateSchema>
export type VoteGroup = z.output<typeof voteGroupSchema>
export type Voter = z.output<typeof voterSchema>
export type Ranking = z.output<typeof rankingSchema>
export type Ballot = z.output<typeof ballotSchema>
export type BallotChannel = Ballot['channel']
type BallotEvent = z.output<typeof ballotEventSchema>
export type TieBreak = z.output<typeof tieBreakSchema>
export type Vote = z.output<typeof voteSchema>

/** How many candidates a voter ranks in this group: the rule's number, or all of them when the group is smaller. */
export function ranksInGroup(group: VoteGroup, rules: VoteRules): number {
  return Math.min(rules.ranksPerBallot, group.candidates.length)
}

/** Points for the candidate ranked `rank` (1 = preferred) among `ranks`: the last rank gets 2, each better one 1 more. */
export function pointsForRank(rank: number, ranks: number): number {
  if (!Number.isInteger(rank) || rank < 1 || rank > ranks) throw new RangeError(`Rank ${rank} of ${ranks}`)
  return ranks + 2 - rank
}

export type RankingProblem = 'unknown-candidate' | 'repeated-candidate' | 'too-many'

/** What is wrong with a ranking in a group; an empty ranking (nobody ranked) is allowed, as is an abstention. */
export function rankingProblems(group: VoteGroup, ranking: Ranking, rules: VoteRules): RankingProblem[] {
  if (ranking === 'abstention') return []
  const problems: RankingProblem[] = []
  const ids = new Set(group.candidates.map((candidate) => candidate.sheetId))
  if (ranking.some((id) => !ids.has(id))) problems.push('unknown-candidate')
  if (new Set(ranking).size !== ranking.length) problems.push('repeated-candidate')
  if (ranking.length > ranksInGroup(group, rules)) problems.push('too-many')
  return problems
}

/** Organisations compare without case, accents or extra spaces: « Région  Occitanie » is « region occitanie ». */
export function organisationKey(organisation: string): string {
  return organisation
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/\s+/g, ' ')
    .trim()
}

export type VoterProblem = 'required' | 'too-long' | 'duplicate' | 'too-many'

export interface NewVoteOptions {
  id?: string
  workshopId: string
  title: string
  date: string
  groups: { id?: string; label: string; candidates: Candidate[] }[]
  rules?: Partial<VoteRules>
  now: Date
}

/** A new vote, checked against the schema (throws on groups without candidates: the set-up screen prevents them). */
export function createVote(options: NewVoteOptions): Vote {
  const at = options.now.toISOString()
  return voteSchema.parse({
    id: options.id ?? crypto.randomUUID(),
    workshopId: options.workshopId,
    title: options.title,
    date: options.date,
    createdAt: at,
    updatedAt: at,
    rules: options.rules ?? {},
    groups: options.groups.map((group) => ({ id: group.id ?? crypto.randomUUID(), ...group })),
  })
}

/** The vote with one more voter, or why not. */
export function addVoter(
  vote: Vote,
  voter: { organisation: string; name?: string; id?: string },
  now: Date,
): { ok: true; vote: Vote; voter: Voter } | { ok: false; problem: VoterProblem } {
  const organisation = voter.organisation.trim()
  const name = (voter.name ?? '').trim()
  if (voterSchema.shape.organisation.safeParse(organisation).success === false)
    return { ok: false, problem: organisation.length > LIMITS.shortText ? 'too-long' : 'required' }
  if (name.length > LIMITS.shortText) return { ok: false, problem: 'too-long' }
  const key = organisationKey(organisation)
  if (vote.voters.some((other) => organisationKey(other.organisation) === key)) return { ok: false, problem: 'duplicate' }
  if (vote.voters.length >= MAX_VOTERS) return { ok: false, problem: 'too-many' }
  const added: Voter = { id: voter.id ?? crypto.randomUUID(), organisation, name }
  return { ok: true, voter: added, vote: { ...vote, voters: [...vote.voters, added], updatedAt: now.toISOString() } }
}

/** The vote without a voter who has not voted yet (a voter with a ballot stays: the ballot is part of the record). */
export function removeVoter(vote: Vote, voterId: string, now: Date): Vote | undefined {
  if (vote.ballots.some((ballot) => ballot.voterId === voterId)) return undefined
  return { ...vote, voters: vote.voters.filter((voter) => voter.id !== voterId), updatedAt: now.toISOString() }
}

export type BallotProblem =
  | { kind: 'unknown-voter' }
  | { kind: 'unknown-group'; groupId: string }
  | { kind: 'ranking'; groupId: string; problems: RankingProblem[] }

/**
 * The vote with this voter's ballot recorded — or corrected, when they had one: the correction replaces the ballot
 * and the history keeps both, with the reason given. Every group the ballot does not rank is an abstention.
 */
export function recordBallot(
  vote: Vote,
  ballot: { voterId: string; rankings: Record<string, Ranking>; channel?: BallotChannel },
  now: Date,
  reason = '',
): { ok: true; vote: Vote; corrected: boolean } | { ok: false; problem: BallotProblem } {
  if (!vote.voters.some((voter) => voter.id === ballot.voterId)) return { ok: false, problem: { kind: 'unknown-voter' } }
  const rankings: Record<string, Ranking> = {}
  for (const [groupId, ranking] of Object.entries(ballot.rankings)) {
    const group = vote.groups.find((candidate) => candidate.id === groupId)
    if (!group) return { ok: false, problem: { kind: 'unknown-group', groupId } }
    const problems = rankingProblems(group, ranking, vote.rules)
    if (problems.length > 0) return { ok: false, problem: { kind: 'ranking', groupId, problems } }
  }
  for (const group of vote.groups) {
    const ranking = ballot.rankings[group.id]
    rankings[group.id] = ranking === undefined ? 'abstention' : ranking === 'abstention' ? ranking : [...ranking]
  }
  const at = now.toISOString()
  const corrected = vote.ballots.some((existing) => existing.voterId === ballot.voterId)
  const recorded: Ballot = { voterId: ballot.voterId, rankings, recordedAt: at, channel: ballot.channel ?? 'saisie' }
  const event: BallotEvent = { kind: corrected ? 'corrige' : 'enregistre', voterId: ballot.voterId, at, rankings, reason: reason.trim() }
  return {
    ok: true,
    corrected,
    vote: {
      ...vote,
      ballots: corrected
        ? vote.ballots.map((existing) => (existing.voterId === ballot.voterId ? recorded : existing))
        : [...vote.ballots, recorded],
      history: [...vote.history, event],
      updatedAt: at,
    },
  }
}

/** The vote with the chair's order among the candidates tied across a group's cut-off (replacing an earlier one). */
export function breakTie(vote: Vote, tieBreak: Omit<TieBreak, 'decidedAt'>, now: Date): Vote {
  const decided: TieBreak = tieBreakSchema.parse({ ...tieBreak, decidedAt: now.toISOString() })
  return {
    ...vote,
    tieBreaks: [...vote.tieBreaks.filter((existing) => existing.groupId !== tieBreak.groupId), decided],
    updatedAt: decided.decidedAt,
  }
}
