import { describe, expect, it } from 'vitest'
import { serializeSheets } from '@/domain/exchange'
import { createSheet } from '@/domain/sheet'
import { addVoter, breakTie, createVote, recordBallot, voteSchema, type Candidate, type Vote, type VoteGroup } from '@/domain/vote'
import {
  BALLOT_FILE_FORMAT,
  ballotFileContent,
  ballotReceipt,
  blankVote,
  MAX_VOTE_FILE_BYTES,
  parseBallotFile,
  supersedes,
  parseVoteFile,
  VOTE_FILE_FORMAT,
  VOTE_FILE_VERSION,
  voteFileContent,
  type VoteFileProblem,
} from '@/domain/vote-file'
import { describeVoteFileProblem } from '@/presentation/vote-file-problem'
import { testTranslate } from '../i18n'

const { t } = testTranslate()
const NOW = new Date('2026-12-05T14:00:00+01:00')
const EXPORTED = new Date('2026-12-05T18:30:00Z')
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

/** A vote with every part of the record filled: voters, ballots (one corrected, one abstaining), a tie-break. */
function castVote(): Vote {
  const [a, b, c, d] = Array.from({ length: 4 }, () => crypto.randomUUID()) as [string, string, string, string]
  let vote = createVote({
    workshopId: crypto.randomUUID(),
    title: 'Vote du comité — Mobilités',
    date: '2026-12-05',
    groups: [
      { label: 'Mobilités', candidates: [{ sheetId: a, label: 'Covoiturage' }, { sheetId: b, label: 'Flux' }] },
      { label: 'Santé', candidates: [{ sheetId: c, label: 'Offre de soins' }, { sheetId: d, label: 'Canicule' }] },
    ],
    rules: { ranksPerBallot: 2, keptPerGroup: 1 },
    now: NOW,
  })
  const [mobility, health] = vote.groups as [VoteGroup, VoteGroup]
  const voters: string[] = []
  for (const [organisation, name] of [['Région Occitanie', 'Mme Durand'], ['Métropole', '']]) {
    const added = addVoter(vote, { organisation: organisation!, name }, NOW)
    if (!added.ok) throw new Error(added.problem)
    vote = added.vote
    voters.push(added.voter.id)
  }
  const ballots = [
    { voterId: voters[0]!, rankings: { [mobility.id]: [a, b], [health.id]: 'abstention' as const }, channel: 'fichier' as const },
    { voterId: voters[1]!, rankings: { [mobility.id]: [a], [health.id]: [d, c] } },
    { voterId: voters[1]!, rankings: { [mobility.id]: [b, a], [health.id]: [d] } },
  ]
  ballots.forEach((ballot, index) => {
    const recorded = recordBallot(vote, ballot, at(index + 1), index === 2 ? 'Erreur de saisie' : '')
    if (!recorded.ok) throw new Error(recorded.problem.kind)
    vote = recorded.vote
  })
  // Mobilités: a 3 + 2 = 5, b 2 + 3 = 5, tied for the one seat.
  return breakTie(vote, { groupId: mobility.id, order: [b, a], reason: 'Voix de la présidence' }, at(10))
}

/** The exported file as an object, to be changed before it is read. */
function exported(vote = castVote()): Record<string, unknown> & { vote: Record<string, unknown> } {
  return JSON.parse(voteFileContent(vote, EXPORTED))
}

function problemOf(text: string): VoteFileProblem {
  const result = parseVoteFile(text)
  if (result.ok) throw new Error('The file was read')
  return result.problem
}

describe('the vote file', () => {
  it('reads back exactly the vote exported, with its ballots, history and tie-break', () => {
    const vote = castVote()
    expect(vote.history.map((event) => event.kind)).toEqual(['enregistre', 'enregistre', 'corrige'])
    expect(vote.tieBreaks).toHaveLength(1)
    const text = voteFileContent(vote, EXPORTED)
    expect(parseVoteFile(text)).toEqual({ ok: true, vote })
    // The same vote gives the same bytes.
    expect(voteFileContent(structuredClone(vote), EXPORTED)).toBe(text)
    expect(text.startsWith(`{\n  "format": "${VOTE_FILE_FORMAT}",\n  "version": ${VOTE_FILE_VERSION},\n  "exportedAt": "2026-12-05T18:30:00.000Z",\n  "vote": {\n`)).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('reads a confirmed vote, and one whose file starts with a byte-order mark', () => {
    const vote = { ...castVote(), confirmedAt: at(20).toISOString() }
    expect(parseVoteFile(`\uFEFF${voteFileContent(vote, EXPORTED)}`)).toEqual({ ok: true, vote })
  })

  it('ignores keys it does not know, in the envelope and in the vote, as the sheets’ exchange format does', () => {
    const vote = castVote()
    const file = exported(vote)
    file.comment = 'Ajouté par une version future'
    file.vote.future = { anything: true }
    ;(file.vote.voters as Record<string, unknown>[])[0]!.email = 'contact@example.org'
    expect(parseVoteFile(JSON.stringify(file))).toEqual({ ok: true, vote })
  })

  it('refuses a vote that could not be counted: a ballot ranking a candidate twice, an unknown one, too many, or by an undeclared voter', () => {
    const vote = castVote()
    const [mobility, health] = vote.groups as [VoteGroup, VoteGroup]
    const [a, b] = mobility.candidates as [Candidate, Candidate]
    const [c] = health.candidates as [Candidate, Candidate]
    const cases: [string, (file: ReturnType<typeof exported>) => void][] = [
      ['repeated-candidate', (file) => void ((file.vote.ballots as { rankings: Record<string, unknown> }[])[1]!.rankings[mobility.id] = [a.sheetId, a.sheetId])],
      ['unknown-candidate', (file) => void ((file.vote.ballots as { rankings: Record<string, unknown> }[])[1]!.rankings[mobility.id] = [c.sheetId])],
      ['unknown-voter', (file) => void ((file.vote.ballots as { voterId: string }[])[0]!.voterId = crypto.randomUUID())],
      ['two-ballots', (file) => void ((file.vote.ballots as { voterId: string }[])[0]!.voterId = (file.vote.ballots as { voterId: string }[])[1]!.voterId)],
      ['unknown-candidate', (file) => void ((file.vote.tieBreaks as { order: string[] }[])[0]!.order = [b.sheetId, c.sheetId])],
    ]
    // The untouched file reads; each change alone is refused, and the message names it.
    expect(parseVoteFile(JSON.stringify(exported(vote))).ok).toBe(true)
    for (const [message, change] of cases) {
      const file = exported(vote)
      change(file)
      expect(voteSchema.safeParse(file.vote).success).toBe(false)
      const result = parseVoteFile(JSON.stringify(file))
      expect(result.ok).toBe(false)
      expect(!result.ok && result.problem.kind === 'invalid' && result.problem.detail).toContain(message)
    }
  })

  it('refuses what is not JSON', () => {
    for (const text of ['', '   ', 'vote du comité', '{"format": "fiche-projet-data/vote",', "{'format': 1}"])
      expect(problemOf(text)).toEqual({ kind: 'not-json' })
  })

  it('refuses JSON that is not a vote file, a file of sheets included', () => {
    const sheets = serializeSheets([createSheet({ title: 'Mobilité' })], EXPORTED)
    const withoutFormat: Record<string, unknown> = exported()
    delete withoutFormat.format
    for (const text of ['null', '42', '"vote"', '[]', JSON.stringify([exported()]), sheets, JSON.stringify(withoutFormat)])
      expect(problemOf(text)).toEqual({ kind: 'not-vote' })
    expect(problemOf(JSON.stringify({ ...exported(), format: 'fiche-projet-data' }))).toEqual({ kind: 'not-vote' })
  })

  it('refuses a file from a later version, saying which', () => {
    expect(problemOf(JSON.stringify({ ...exported(), version: 2, vote: { whatever: true } }))).toEqual({ kind: 'newer', version: 2 })
  })

  it('refuses a damaged vote, naming the first thing wrong by its path', () => {
    const invalid = (change: (file: ReturnType<typeof exported>) => void) => {
      const file = exported()
      change(file)
      const problem = problemOf(JSON.stringify(file))
      if (problem.kind !== 'invalid') throw new Error(problem.kind)
      return problem.detail
    }
    expect(invalid((file) => (file.version = '1'))).toMatch(/^version : ./)
    expect(invalid((file) => (file.version = 0))).toMatch(/^version : ./)
    expect(invalid((file) => (file.version = 1.5))).toMatch(/^version : ./)
    expect(invalid((file) => (file.exportedAt = 'hier'))).toMatch(/^exportedAt : ./)
    expect(invalid((file) => delete (file as Record<string, unknown>).vote)).toMatch(/^vote : ./)
    expect(invalid((file) => ((file.vote.ballots as Record<string, unknown>[])[1]!.voterId = 'V2'))).toMatch(/^vote\.ballots\.1\.voterId : ./)
    expect(invalid((file) => (file.vote.title = '   '))).toMatch(/^vote\.title : ./)
    expect(invalid((file) => (file.vote.groups = []))).toMatch(/^vote\.groups : ./)
    // The schema's own rule: a sheet competes in one group only.
    const detail = invalid((file) => {
      const groups = file.vote.groups as { candidates: { sheetId: string }[] }[]
      groups[1]!.candidates[0]!.sheetId = groups[0]!.candidates[0]!.sheetId
    })
    expect(detail).toBe('vote.groups : candidate-in-two-groups')
  })

  it('refuses a file over 5 MB before reading it, counting its bytes in UTF-8', () => {
    const text = voteFileContent(castVote(), EXPORTED)
    // Padded with spaces after the JSON to exactly the limit: still read.
    const atLimit = text + ' '.repeat(MAX_VOTE_FILE_BYTES - new TextEncoder().encode(text).length)
    expect(parseVoteFile(atLimit).ok).toBe(true)
    expect(problemOf(`${atLimit} `)).toEqual({ kind: 'too-large', size: MAX_VOTE_FILE_BYTES + 1 })
    // 3 million « é » are fewer characters than the limit but 6 million bytes.
    const accents = `"${'é'.repeat(3_000_000)}"`
    expect(problemOf(accents)).toEqual({ kind: 'too-large', size: 6_000_002 })
    // Nor is a text that big parsed at all: not even a hint that it is not JSON.
    expect(problemOf('x'.repeat(MAX_VOTE_FILE_BYTES + 1))).toEqual({ kind: 'too-large', size: MAX_VOTE_FILE_BYTES + 1 })
  })
})


describe('describeVoteFileProblem', () => {
  it('says in French why the file was not read', () => {
    expect(describeVoteFileProblem({ kind: 'not-json' }, t)).toBe('Ce fichier n’est pas un fichier de vote lisible (JSON invalide).')
    expect(describeVoteFileProblem({ kind: 'not-vote' }, t)).toBe('Ce fichier ne contient pas de vote de Fiche Projet Data.')
    expect(describeVoteFileProblem({ kind: 'newer', version: 3 }, t)).toBe(
      'Ce vote vient d’une version plus récente de l’application (format 3). Mettez l’application à jour pour l’ouvrir.',
    )
    expect(describeVoteFileProblem({ kind: 'invalid', detail: 'vote.title : Too small' }, t)).toBe(
      'Ce fichier de vote est incomplet ou abîmé : vote.title : valeur manquante ou invalide',
    )
    expect(describeVoteFileProblem({ kind: 'invalid', detail: 'vote.ballots.0.voterId : unknown-voter' }, t)).toBe(
      'Ce fichier de vote est incomplet ou abîmé : vote.ballots.0.voterId : bulletin d’un électeur non déclaré',
    )
    expect(describeVoteFileProblem({ kind: 'too-large', size: 5.5 * 1024 * 1024 }, t)).toBe(
      'Ce fichier est trop volumineux pour un vote (5,5 Mo).',
    )
  })

  it('describes what parseVoteFile finds, with no placeholder left', () => {
    const file = exported()
    file.vote.date = '5 décembre'
    const problem = problemOf(JSON.stringify(file))
    expect(problem.kind).toBe('invalid')
    const message = describeVoteFileProblem(problem, t)
    expect(message).toMatch(/^Ce fichier de vote est incomplet ou abîmé : vote\.date : ./)
    expect(message).not.toMatch(/[{}]/)
  })
})

describe('ballots sent from the voters’ own devices', () => {
  it('gives voters the vote without anyone’s ballot, and reads a voter’s ballot file back', () => {
    const vote = castVote()
    const blank = blankVote(vote)
    expect(blank.ballots).toEqual([])
    expect(blank.history).toEqual([])
    expect(blank.tieBreaks).toEqual([])
    expect(blank.voters).toEqual(vote.voters)
    expect(blank.groups).toEqual(vote.groups)
    const voter = vote.voters[1]!
    const text = ballotFileContent(vote, voter.id, EXPORTED)
    const parsed = parseBallotFile(text)
    expect(parsed).toEqual({
      ok: true,
      ballot: {
        format: BALLOT_FILE_FORMAT,
        version: 1,
        exportedAt: EXPORTED.toISOString(),
        voteId: vote.id,
        voteTitle: vote.title,
        voterId: voter.id,
        organisation: 'Métropole',
        rankings: vote.ballots[1]!.rankings,
        recordedAt: vote.ballots[1]!.recordedAt,
      },
    })
  })

  it('says what a ballot file means for the vote: new, a correction, the same, another vote’s, an unknown voter’s', () => {
    const vote = castVote()
    const [mobility] = vote.groups as [VoteGroup]
    const voter = vote.voters[1]!
    const parsed = parseBallotFile(ballotFileContent(vote, voter.id, EXPORTED))
    if (!parsed.ok) throw new Error('ballot')
    const ballot = parsed.ballot
    expect(ballotReceipt(vote, ballot)).toEqual({ kind: 'same' })
    expect(ballotReceipt(blankVote(vote), ballot)).toEqual({ kind: 'record', correcting: false, rankings: ballot.rankings })
    const other = { ...ballot, rankings: { ...ballot.rankings, [mobility.id]: [] } }
    expect(ballotReceipt(vote, other)).toEqual({ kind: 'record', correcting: true, rankings: other.rankings })
    expect(ballotReceipt(vote, { ...ballot, voteId: crypto.randomUUID() })).toEqual({ kind: 'other-vote', voteTitle: vote.title })
    expect(ballotReceipt(vote, { ...ballot, voterId: crypto.randomUUID() })).toEqual({ kind: 'unknown-voter', organisation: 'Métropole' })
  })

  it('refuses a vote file given as a ballot, and a ballot given as a vote', () => {
    const vote = castVote()
    expect(parseBallotFile(voteFileContent(vote, EXPORTED))).toEqual({ ok: false, problem: { kind: 'not-ballot' } })
    expect(parseVoteFile(ballotFileContent(vote, vote.voters[0]!.id, EXPORTED))).toEqual({ ok: false, problem: { kind: 'not-vote' } })
    expect(describeVoteFileProblem({ kind: 'not-ballot' }, t)).toBe('Ce fichier ne contient pas de bulletin de vote de Fiche Projet Data.')
  })
})

describe('a vote file over the copy already here', () => {
  it('replaces it only when it holds everything recorded here: never with the voters’ file or an older export', () => {
    const vote = castVote()
    const older = { ...vote, ballots: vote.ballots.slice(0, 1), history: vote.history.slice(0, 1), tieBreaks: [] }
    expect(supersedes(vote, older)).toBe(true)
    expect(supersedes(vote, vote)).toBe(true)
    expect(supersedes(older, vote)).toBe(false)
    expect(supersedes(blankVote(vote), vote)).toBe(false)
    expect(supersedes(vote, blankVote(vote))).toBe(true)
    const confirmed = { ...vote, confirmedAt: '2026-12-05T17:00:00.000Z' }
    expect(supersedes(vote, confirmed)).toBe(false)
    expect(supersedes(confirmed, vote)).toBe(true)
  })
})
