// A vote as a file (docs/method.md, « Le vote »): the whole record — voters, ballots, corrections, the chair's
// decisions — in an envelope of its own, so that another copy of the app reads back exactly the vote that was
// exported, and says what is wrong with a file that is not one. Pure: the composable reads and writes the file.
import { z } from 'zod'
import { isoDateTime, requiredText, text } from './schema-parts'
import { LIMITS } from './vocabulary'
import { rankingSchema, voteSchema, type Ranking, type Vote } from './vote'

export const VOTE_FILE_FORMAT = 'fiche-projet-data/vote'
export const VOTE_FILE_VERSION = 1
/** Far above a real vote (200 voters' ballots in 50 groups, with their history, weigh a few hundred KB). */
export const MAX_VOTE_FILE_BYTES = 5 * 1024 * 1024

/**
 * The file as written. Keys the schema does not know are dropped, in the envelope as in the vote, as the sheets'
 * exchange format does: a file from a later version that only adds keys still reads.
 */
const voteFileSchema = z.object({
  format: z.literal(VOTE_FILE_FORMAT),
  version: z.literal(VOTE_FILE_VERSION),
  exportedAt: isoDateTime,
  vote: voteSchema,
})

type VoteFile = z.output<typeof voteFileSchema>

export type VoteFileProblem =
  | { kind: 'not-json' }
  | { kind: 'not-vote' }
  | { kind: 'not-ballot' }
  | { kind: 'newer'; version: number }
  /** The first thing the schema refuses: its dotted path in the file and Zod's message. */
  | { kind: 'invalid'; detail: string }
  /** In bytes, as the file weighs (UTF-8). */
  | { kind: 'too-large'; size: number }

export type VoteFileResult = { ok: true; vote: Vote } | { ok: false; problem: VoteFileProblem }

/** The file's text: keys in schema order and 2-space indent, so that the same vote gives the same bytes. */
export function voteFileContent(vote: Vote, exportedAt: Date): string {
  const file: VoteFile = voteFileSchema.parse({
    format: VOTE_FILE_FORMAT,
    version: VOTE_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    vote,
  })
  return `${JSON.stringify(file, null, 2)}\n`
}

/** The bytes the text takes in UTF-8, counted without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      index++
    } else bytes += 3
  }
  return bytes
}

/** Reads an envelope of this format: size, JSON, format, version, then the schema. Never throws. */
function readEnvelope<T extends z.ZodType>(
  text: string,
  format: string,
  version: number,
  schema: T,
  notThis: VoteFileProblem,
): { ok: true; file: z.output<T> } | { ok: false; problem: VoteFileProblem } {
  const size = utf8Length(text)
  if (size > MAX_VOTE_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', size } }

  let data: unknown
  try {
    // A byte-order mark, which some editors add, is not part of the JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, problem: { kind: 'not-json' } }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: notThis }
  const file = data as Record<string, unknown>
  if (file.format !== format) return { ok: false, problem: notThis }
  if (typeof file.version === 'number' && Number.isInteger(file.version) && file.version > version)
    return { ok: false, problem: { kind: 'newer', version: file.version } }

  const parsed = schema.safeParse(file)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.map(String).join('.')
    return { ok: false, problem: { kind: 'invalid', detail: path ? `${path} : ${issue.message}` : issue.message } }
  }
  return { ok: true, file: parsed.data }
}

/** Reads the text of a vote file. Never throws. */
export function parseVoteFile(text: string): VoteFileResult {
  const read = readEnvelope(text, VOTE_FILE_FORMAT, VOTE_FILE_VERSION, voteFileSchema, { kind: 'not-vote' })
  return read.ok ? { ok: true, vote: read.file.vote } : read
}

/**
 * The vote as a voter's device receives it to fill in their own ballot: the groups, the rules and the voters, but
 * none of the ballots, history or the chair's decisions (a voter does not see how the others voted).
 */
export function blankVote(vote: Vote): Vote {
  return { ...vote, ballots: [], history: [], tieBreaks: [], confirmedAt: null }
}

export const BALLOT_FILE_FORMAT = 'fiche-projet-data/bulletin'
const BALLOT_FILE_VERSION = 1

/** One voter's ballot, sent from their own device to the facilitator's. */
const ballotFileSchema = z.object({
  format: z.literal(BALLOT_FILE_FORMAT),
  version: z.literal(BALLOT_FILE_VERSION),
  exportedAt: isoDateTime,
  voteId: z.uuid(),
  /** Said to the facilitator when the file belongs to another vote. */
  voteTitle: text(LIMITS.shortText),
  voterId: z.uuid(),
  organisation: requiredText(LIMITS.shortText),
  rankings: z.record(z.uuid(), rankingSchema),
  recordedAt: isoDateTime,
})

export type BallotFile = z.output<typeof ballotFileSchema>

/** The ballot file of a voter who has a ballot in this vote (throws otherwise: the screen offers it only then). */
export function ballotFileContent(vote: Vote, voterId: string, exportedAt: Date): string {
  const ballot = vote.ballots.find((candidate) => candidate.voterId === voterId)
  const voter = vote.voters.find((candidate) => candidate.id === voterId)
  if (!ballot || !voter) throw new Error(`No ballot of voter ${voterId} in vote ${vote.id}`)
  const file: BallotFile = ballotFileSchema.parse({
    format: BALLOT_FILE_FORMAT,
    version: BALLOT_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    voteId: vote.id,
    voteTitle: vote.title,
    voterId,
    organisation: voter.organisation,
    rankings: ballot.rankings,
    recordedAt: ballot.recordedAt,
  })
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Reads the text of a ballot file. Never throws. */
export function parseBallotFile(text: string): { ok: true; ballot: BallotFile } | { ok: false; problem: VoteFileProblem } {
  const read = readEnvelope(text, BALLOT_FILE_FORMAT, BALLOT_FILE_VERSION, ballotFileSchema, { kind: 'not-ballot' })
  return read.ok ? { ok: true, ballot: read.file } : read
}

export type BallotReceipt =
  | { kind: 'record'; correcting: boolean; rankings: Record<string, Ranking> }
  | { kind: 'same' }
  | { kind: 'other-vote'; voteTitle: string }
  | { kind: 'unknown-voter'; organisation: string }

/** What a ballot file means for this vote: a ballot to record (or a correction), one already there, or not ours. */
export function ballotReceipt(vote: Vote, ballot: BallotFile): BallotReceipt {
  if (ballot.voteId !== vote.id) return { kind: 'other-vote', voteTitle: ballot.voteTitle }
  if (!vote.voters.some((voter) => voter.id === ballot.voterId)) return { kind: 'unknown-voter', organisation: ballot.organisation }
  const current = vote.ballots.find((candidate) => candidate.voterId === ballot.voterId)
  if (current && JSON.stringify(normalised(vote, current.rankings)) === JSON.stringify(normalised(vote, ballot.rankings)))
    return { kind: 'same' }
  return { kind: 'record', correcting: current !== undefined, rankings: ballot.rankings }
}

/** Rankings in the vote's group order, a missing group as the abstention it counts as. */
function normalised(vote: Vote, rankings: Record<string, Ranking>): Ranking[] {
  return vote.groups.map((group) => {
    const ranking = rankings[group.id]
    return ranking === undefined || (Array.isArray(ranking) && ranking.length === 0) ? 'abstention' : ranking
  })
}

/**
 * Whether a vote read from a file may replace the copy this browser has: only when it holds everything recorded
 * here (every recording and correction of the history, and the confirmation if there was one) — a later state of
 * the same vote. A voters' file (no ballots) or an older export must not wipe ballots recorded since.
 */
export function supersedes(incoming: Vote, stored: Vote): boolean {
  const key = (event: Vote['history'][number]) => `${event.kind}|${event.voterId}|${event.at}`
  const events = new Set(incoming.history.map(key))
  return stored.history.every((event) => events.has(key(event))) && (stored.confirmedAt === null || incoming.confirmedAt !== null)
}
