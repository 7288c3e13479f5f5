// What a change from the server means for this browser's copy of a sheet (the sync engine's decisions, pure).
import { describe, expect, it } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { CURRENT_FORMAT_VERSION } from '@/domain/migrations'
import { ratingFromSheet } from '@/domain/rating'
import { addVoter, createVote, recordBallot, type Vote } from '@/domain/vote'
import {
  decideIncoming,
  hasEditToSend,
  ratingDocument,
  ratingDocumentId,
  ratingIdOf,
  readRatingDocument,
  readSheetDocument,
  readVoteDocument,
  voteDocument,
  voteDocumentId,
  voteIdOf,
  mergeVotes,
  decideIncomingVote,
  readWorkshopDocument,
  sheetDocument,
  sheetDocumentId,
  sheetIdOf,
  workshopDatabaseName,
} from '@/domain/shared-workshop'

const base = createSheet({ title: 'Éclairage public', organisation: 'Commune de Brest' })
const edited = (sheet: Sheet, change: (copy: Sheet) => void): Sheet => {
  const copy = structuredClone(sheet)
  change(copy)
  return copy
}
const agreed = { rev: '2-a', localRevision: 4, base }

describe('names', () => {
  it('names a workshop’s database as CouchDB allows (lowercase, starting with a letter)', () => {
    expect(workshopDatabaseName('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('fiche-projet-data-atelier-0f8fad5b-d9cb-469f-a165-70867728950e')
    expect(workshopDatabaseName('0f8fad5b-d9cb-469f-a165-70867728950e')).toMatch(/^[a-z][a-z0-9_$()+/-]*$/)
  })

  it('tells a sheet document from the others', () => {
    expect(sheetIdOf(sheetDocumentId(base.id))).toBe(base.id)
    expect(sheetIdOf('workshop')).toBeUndefined()
  })
})

describe('reading what the server holds', () => {
  it('reads a sheet document of the current format, and one of an older format brought up to date', () => {
    expect(readSheetDocument(sheetDocument(base), base.id)).toEqual({ ok: true, sheet: base })
    const v1 = { version: 1, sheet: { ...structuredClone(base), decision: undefined } }
    const read = readSheetDocument(v1, base.id)
    expect(read.ok && read.sheet.project.title).toBe('Éclairage public')
  })

  it('sets aside a newer format, a damaged sheet and a sheet filed under another id', () => {
    expect(readSheetDocument({ version: CURRENT_FORMAT_VERSION + 1, sheet: base }, base.id)).toEqual({ ok: false, problem: 'newerFormat' })
    expect(readSheetDocument({ version: CURRENT_FORMAT_VERSION, sheet: { ...base, radar: 'cassé' } }, base.id)).toEqual({ ok: false, problem: 'invalid' })
    expect(readSheetDocument({ sheet: base }, base.id)).toEqual({ ok: false, problem: 'invalid' })
    expect(readSheetDocument(sheetDocument(base), crypto.randomUUID())).toEqual({ ok: false, problem: 'invalid' })
  })

  it('reads a rating document, and refuses a damaged one or one filed under another id', () => {
    const rating = ratingFromSheet(base, { source: 'fichier', now: new Date('2026-12-04T10:00:00Z') })
    expect(ratingIdOf(ratingDocumentId(rating.id))).toBe(rating.id)
    expect(ratingIdOf(sheetDocumentId(base.id))).toBeUndefined()
    expect(readRatingDocument(ratingDocument(rating), rating.id)).toEqual(rating)
    expect(readRatingDocument(ratingDocument(rating), crypto.randomUUID())).toBeUndefined()
    expect(readRatingDocument({ rating: { ...rating, radar: null } }, rating.id)).toBeUndefined()
  })

  it('reads the workshop document, and refuses one without valid details', () => {
    const block = { id: crypto.randomUUID(), title: 'Atelier', date: null, place: '', facilitator: '' }
    expect(readWorkshopDocument({ workshop: block, sheetIds: [base.id, 7] })).toEqual({ block, sheetIds: [base.id] })
    expect(readWorkshopDocument({ workshop: { ...block, title: '' }, sheetIds: [] })).toBeUndefined()
  })
})

describe('deciding on a change from the server', () => {
  it('ignores the revision this browser already agreed on', () => {
    expect(decideIncoming({ rev: '2-a', theirs: edited(base, (s) => (s.author = 'X')) }, { sheet: base, revision: 4 }, agreed)).toEqual({ kind: 'known' })
  })

  it('takes the server’s sheet when not edited here, or new here', () => {
    const theirs = edited(base, (s) => (s.author = 'Camille'))
    expect(decideIncoming({ rev: '3-b', theirs }, { sheet: base, revision: 4 }, agreed)).toEqual({ kind: 'take', sheet: theirs })
    expect(decideIncoming({ rev: '1-b', theirs }, undefined, undefined)).toEqual({ kind: 'take', sheet: theirs })
  })

  it('merges edits of different fields, and asks for the same field changed differently', () => {
    const mine = edited(base, (s) => (s.project.problem = 'Le mien'))
    const theirs = edited(base, (s) => (s.author = 'Camille'))
    const merged = decideIncoming({ rev: '3-b', theirs }, { sheet: mine, revision: 5 }, agreed)
    expect(merged.kind).toBe('merge')
    expect(merged.kind === 'merge' && [merged.sheet.project.problem, merged.sheet.author]).toEqual(['Le mien', 'Camille'])
    const clash = edited(base, (s) => (s.project.problem = 'Le leur'))
    expect(decideIncoming({ rev: '3-b', theirs: clash }, { sheet: mine, revision: 5 }, agreed)).toEqual({
      kind: 'ask',
      mine,
      theirs: clash,
      fields: ['project.problem'],
    })
  })

  it('asks at a first meeting when the two copies differ, and agrees when they do not', () => {
    const theirs = edited(base, (s) => (s.project.problem = 'Le leur'))
    expect(decideIncoming({ rev: '1-b', theirs }, { sheet: base, revision: 1 }, undefined)).toMatchObject({ kind: 'ask', fields: ['project.problem'] })
    const sameButLater = { ...structuredClone(base), updatedAt: new Date(Date.parse(base.updatedAt) + 60_000).toISOString() }
    expect(decideIncoming({ rev: '1-b', theirs: sameButLater }, { sheet: base, revision: 1 }, undefined).kind).toBe('take')
  })

  it('lets a sheet deleted there leave the workshop, unless it was edited here: then it is kept', () => {
    expect(decideIncoming({ rev: '3-d', theirs: undefined }, { sheet: base, revision: 4 }, agreed)).toEqual({ kind: 'leave' })
    const mine = edited(base, (s) => (s.author = 'Moi'))
    expect(decideIncoming({ rev: '3-d', theirs: undefined }, { sheet: mine, revision: 5 }, agreed)).toEqual({ kind: 'keepDeletedThere', mine })
    expect(decideIncoming({ rev: '3-d', theirs: undefined }, undefined, agreed)).toEqual({ kind: 'known' })
  })

  it('counts an edit to send when the local revision moved since the last agreement', () => {
    expect(hasEditToSend(4, agreed)).toBe(false)
    expect(hasEditToSend(5, agreed)).toBe(true)
    expect(hasEditToSend(1, undefined)).toBe(true)
  })
})

describe('a vote recorded on two computers', () => {
  const workshopId = crypto.randomUUID()
  const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
  const groupId = crypto.randomUUID()
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 14, minute))
  const setUp = (() => {
    let vote = createVote({
      workshopId,
      title: 'Priorisation',
      date: '2026-12-04',
      groups: [{ id: groupId, label: 'Mobilités', candidates: [{ sheetId: a, label: 'A' }, { sheetId: b, label: 'B' }, { sheetId: c, label: 'C' }] }],
      now: at(0),
    })
    for (const organisation of ['Région', 'Département', 'Métropole']) {
      const added = addVoter(vote, { organisation }, at(1))
      if (!added.ok) throw new Error(organisation)
      vote = added.vote
    }
    return vote
  })()
  const ballot = (vote: Vote, voter: number, ranking: string[], minute: number): Vote => {
    const recorded = recordBallot(vote, { voterId: vote.voters[voter]!.id, rankings: { [groupId]: ranking } }, at(minute))
    if (!recorded.ok) throw new Error('ballot')
    return recorded.vote
  }

  it('merges ballots recorded on each side into one vote, each voter’s latest ballot kept', () => {
    const mine = ballot(setUp, 0, [a, b], 10)
    const theirs = ballot(ballot(setUp, 1, [b, c], 11), 0, [c], 12)
    const merged = mergeVotes(mine, theirs)
    expect(merged?.ballots.map((recorded) => [recorded.voterId, recorded.rankings[groupId]])).toEqual([
      [setUp.voters[0]!.id, [c]],
      [setUp.voters[1]!.id, [b, c]],
    ])
    expect(merged?.history).toHaveLength(3)
    expect(decideIncomingVote({ rev: '3-x', theirs }, mine, { rev: '2-x', base: setUp })).toEqual({ kind: 'merge', vote: merged })
  })

  it('takes a later state of the same vote, keeps one that holds theirs, and keeps both when set up differently', () => {
    const mine = ballot(setUp, 0, [a, b], 10)
    const later = ballot(mine, 1, [c], 11)
    expect(decideIncomingVote({ rev: '3-x', theirs: later }, mine, { rev: '2-x', base: setUp })).toEqual({ kind: 'take', vote: later })
    expect(decideIncomingVote({ rev: '3-x', theirs: mine }, later, { rev: '2-x', base: setUp })).toEqual({ kind: 'keep' })
    const renamed = { ...ballot(setUp, 2, [a], 13), title: 'Autre intitulé' }
    expect(mergeVotes(mine, renamed)).toBeUndefined()
    expect(decideIncomingVote({ rev: '3-x', theirs: renamed }, mine, { rev: '2-x', base: setUp })).toEqual({ kind: 'keepBoth', theirs: renamed })
  })

  it('reads a vote document of this workshop only', () => {
    expect(readVoteDocument(voteDocument(setUp), setUp.id, workshopId)).toEqual(setUp)
    expect(readVoteDocument(voteDocument(setUp), setUp.id, crypto.randomUUID())).toBeUndefined()
    expect(voteIdOf(voteDocumentId(setUp.id))).toBe(setUp.id)
  })
})
