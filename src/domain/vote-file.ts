// A vote as a file (docs/method.md, « Le vote »): the whole record — voters, ballots, corrections, the chair's
// decisions — in an envelope of its own, so that another copy of the app reads back exactly the vote that was
// exported, and says what is wrong with a file that is not one. Pure: the composable reads and writes the file.
import { z } from 'zod'
import { isoDateTime } from './schema-parts'
import { slugify } from './titles'
import { voteSchema, type Vote } from './vote'

export const VOTE_FILE_FORMAT = 'fiche-projet-data/vote'
export const VOTE_FILE_VERSION = 1
/** Far above a real vote (200 voters' ballots in 50 groups, with their history, weigh a few hundred KB). */
export const MAX_VOTE_FILE_BYTES = 5 * 1024 * 1024

/**
 * The file as written. Keys the schema does not know are dropped, in the envelope as in the vote, as the sheets'
 * exchange format does: a file from a later version that only adds keys still reads.
 */
export const voteFileSchema = z.object({
  format: z.literal(VOTE_FILE_FORMAT),
  version: z.literal(VOTE_FILE_VERSION),
  exportedAt: isoDateTime,
  vote: voteSchema,
})

export type VoteFile = z.output<typeof voteFileSchema>

export type VoteFileProblem =
  | { kind: 'not-json' }
  | { kind: 'not-vote' }
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

/** `vote-<title>-<yyyy-mm-dd>.json`, in ASCII; a title that starts with « Vote » does not say it twice. */
export function voteFileName(vote: Pick<Vote, 'title' | 'date'>): string {
  const slug = slugify(vote.title).replace(/^vote(-|$)/, '')
  return slug ? `vote-${slug}-${vote.date}.json` : `vote-${vote.date}.json`
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

/** Reads the text of a file: size, JSON, format, version, then the vote as the schema wants it. Never throws. */
export function parseVoteFile(text: string): VoteFileResult {
  const size = utf8Length(text)
  if (size > MAX_VOTE_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', size } }

  let data: unknown
  try {
    // A byte-order mark, which some editors add, is not part of the JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, problem: { kind: 'not-json' } }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: { kind: 'not-vote' } }
  const file = data as Record<string, unknown>
  if (file.format !== VOTE_FILE_FORMAT) return { ok: false, problem: { kind: 'not-vote' } }
  if (typeof file.version === 'number' && Number.isInteger(file.version) && file.version > VOTE_FILE_VERSION)
    return { ok: false, problem: { kind: 'newer', version: file.version } }

  const parsed = voteFileSchema.safeParse(file)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.map(String).join('.')
    return { ok: false, problem: { kind: 'invalid', detail: path ? `${path} : ${issue.message}` : issue.message } }
  }
  return { ok: true, vote: parsed.data.vote }
}
