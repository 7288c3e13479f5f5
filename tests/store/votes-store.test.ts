// The committee's vote as the screens run it, on the in-memory repositories: set up from a workshop's sheets grouped
// by domain, voters declared one per organisation, ballots recorded and corrected, a tie at the cut-off settled by
// the chair, then the results confirmed onto the sheets.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import type { VoteGroup } from '@/domain/vote'
import { groupsByDomain } from '@/domain/vote-setup'
import { newWorkshop, type Workshop } from '@/domain/workshop'
import { useVotesStore } from '@/stores/votes'
import { useMemoryStorage, useMemoryVotes, useMemoryWorkshops, workshopsRepository } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

function sheetIn(domain: string, title: string): Sheet {
  const sheet = createSheet({ title })
  sheet.project.domain = domain
  return sheet
}

const reason = (points: number) => `vote du 5 décembre 2026 — ${points} points`

describe('votes store', () => {
  // Grouped by domain in the order the domains first appear (« mobilites » is « Mobilités »): Mobilités A, C, E
  // (3 candidates, so k = 3: 4, 3 and 2 points), then Santé B, D (k = 2: 3 and 2 points).
  let A: Sheet, B: Sheet, C: Sheet, D: Sheet, E: Sheet
  let workshop: Workshop
  let memory: ReturnType<typeof useMemoryStorage>
  let votes: ReturnType<typeof useMemoryVotes>

  beforeEach(() => {
    setActivePinia(createPinia())
    A = sheetIn('Mobilités', 'Covoiturage rural')
    B = sheetIn('Santé', 'Offre de soins')
    C = sheetIn('mobilites ', 'Flux de déplacements')
    D = sheetIn('Santé', 'Vagues de chaleur')
    // Decided before the vote: the vote's decision replaces it and keeps it in the history (format v3).
    D.decision = { status: 'depriorise', reason: 'Données indisponibles', decidedAt: '2026-06-01', source: 'personne', history: [] }
    // A short name is what the ballots and results call the sheet.
    B.project.shortLabel = 'Soins'
    E = sheetIn('Mobilités', 'Bornes de recharge')
    memory = useMemoryStorage([A, B, C, D, E])
    workshop = newWorkshop({ title: 'Comité du 5 décembre', date: '2026-12-05', place: '', facilitator: '' }, [A, B, C, D, E].map((s) => s.id))
    useMemoryWorkshops([workshop])
    votes = useMemoryVotes([])
  })

  /** The vote set up as the workshop screen does: the workshop's sheets grouped by domain. */
  async function setUp(rules = { ranksPerBallot: 4, keptPerGroup: 1 }) {
    const store = useVotesStore()
    const stored = (await workshopsRepository().get(workshop.id))!
    const sheets = (await memory.repository.getMany(stored.sheetIds)).map(summarise)
    const created = await store.create({
      workshopId: workshop.id,
      title: 'Vote du comité',
      date: '2026-12-05',
      rules,
      groups: groupsByDomain(sheets),
    })
    await store.open(created.id)
    return store
  }

  it('creates the vote from the workshop’s 2 groups and finds it among the workshop’s votes', async () => {
    const store = await setUp()
    expect(store.status).toBe('ready')
    expect(store.vote?.groups.map((group) => [group.label, group.candidates.map((candidate) => candidate.sheetId)])).toEqual([
      ['Mobilités', [A.id, C.id, E.id]],
      ['Santé', [B.id, D.id]],
    ])
    expect(store.vote?.rules).toEqual({ ranksPerBallot: 4, keptPerGroup: 1 })
    expect(store.tallies.map((tally) => tally.ranks)).toEqual([3, 2])
    expect((await store.listForWorkshop(workshop.id)).map((vote) => vote.id)).toEqual([store.vote!.id])
    expect(votes.votes.get(store.vote!.id)).toEqual(store.vote)
  })

  it('takes one voter per organisation, whatever the case and accents, and removes only a voter who has not voted', async () => {
    const store = await setUp()
    const region = await store.addVoter('Région Occitanie', 'Mme Martin')
    expect(region).toMatchObject({ ok: true, voter: { organisation: 'Région Occitanie', name: 'Mme Martin' } })
    expect(await store.addVoter('  REGION   occitanie ')).toEqual({ ok: false, problem: 'duplicate' })
    expect(await store.addVoter('Région Occitanie')).toEqual({ ok: false, problem: 'duplicate' })
    expect(await store.addVoter('   ')).toEqual({ ok: false, problem: 'required' })
    const metropole = await store.addVoter('Métropole')
    if (!region.ok || !metropole.ok) throw new Error('voters')
    expect(store.vote?.voters.map((voter) => voter.organisation)).toEqual(['Région Occitanie', 'Métropole'])

    const [mobility] = store.vote!.groups
    expect(await store.recordBallot(region.voter.id, { [mobility!.id]: [A.id] })).toMatchObject({ ok: true, corrected: false })
    // A voter with a ballot stays: the ballot is part of the record.
    expect(await store.removeVoter(region.voter.id)).toBe(false)
    expect(await store.removeVoter(metropole.voter.id)).toBe(true)
    expect(store.vote?.voters.map((voter) => voter.organisation)).toEqual(['Région Occitanie'])
    expect(votes.votes.get(store.vote!.id)?.voters).toEqual(store.vote?.voters)
  })

  it('counts 3 ballots, keeps a correction with its reason, waits for the chair on a tie, then writes the decisions on the sheets', async () => {
    const store = await setUp()
    const voterIds: string[] = []
    for (const organisation of ['Région Occitanie', 'Métropole', 'Département']) {
      const added = await store.addVoter(organisation)
      if (!added.ok) throw new Error(added.problem)
      voterIds.push(added.voter.id)
    }
    const [v1, v2, v3] = voterIds as [string, string, string]
    const [mobility, health] = store.vote!.groups as [VoteGroup, VoteGroup]

    expect(await store.recordBallot(v1, { [mobility.id]: [A.id, C.id, E.id], [health.id]: [B.id, D.id] })).toMatchObject({ ok: true })
    expect(await store.recordBallot(v2, { [mobility.id]: [C.id, A.id], [health.id]: [D.id] })).toMatchObject({ ok: true })
    expect(await store.recordBallot(v3, { [mobility.id]: [A.id, E.id], [health.id]: [B.id] }, { channel: 'fichier' })).toMatchObject({
      ok: true,
      corrected: false,
    })
    // Mobilités (4, 3, 2 points): A 4 + 3 + 4 = 11, C 3 + 4 = 7, E 2 + 3 = 5. Santé (3, 2): B 3 + 3 = 6, D 2 + 3 = 5.
    const points = () => store.tallies.map((tally) => tally.rows.map((row) => [row.candidate.label, row.points, row.outcome]))
    expect(points()).toEqual([
      [['Covoiturage rural', 11, 'kept'], ['Flux de déplacements', 7, 'reserve'], ['Bornes de recharge', 5, 'reserve']],
      [['Soins', 6, 'kept'], ['Vagues de chaleur', 5, 'reserve']],
    ])
    expect(store.decisions).toHaveLength(5)

    // The third voter abstains in Mobilités after all: A 4 + 3 = 7 ties with C 7 for the one seat.
    const corrected = await store.recordBallot(v3, { [mobility.id]: 'abstention', [health.id]: [B.id] }, { reason: 'Erreur de saisie' })
    expect(corrected).toMatchObject({ ok: true, corrected: true })
    expect(store.vote?.ballots).toHaveLength(3)
    expect(store.vote?.history.map((event) => [event.kind, event.reason])).toEqual([
      ['enregistre', ''],
      ['enregistre', ''],
      ['enregistre', ''],
      ['corrige', 'Erreur de saisie'],
    ])
    expect(points()[0]).toEqual([
      ['Covoiturage rural', 7, 'pending'],
      ['Flux de déplacements', 7, 'pending'],
      ['Bornes de recharge', 2, 'reserve'],
    ])
    expect(store.tallies[0]?.tie).toEqual({ sheetIds: [A.id, C.id], seats: 1, decision: null })
    expect(store.decisions).toBeUndefined()
    expect(await store.confirm(reason)).toEqual({ ok: false, reason: 'not-settled' })
    expect(memory.sheets.get(A.id)?.decision.status).toBe('a-examiner')

    await store.breakTie(mobility.id, [C.id, A.id], 'Voix prépondérante de la présidence')
    expect(points()[0]).toEqual([
      ['Flux de déplacements', 7, 'kept'],
      ['Covoiturage rural', 7, 'reserve'],
      ['Bornes de recharge', 2, 'reserve'],
    ])
    expect(store.decisions).toEqual([
      { sheetId: C.id, status: 'priorise', points: 7 },
      { sheetId: A.id, status: 'reserve', points: 7 },
      { sheetId: E.id, status: 'reserve', points: 2 },
      { sheetId: B.id, status: 'priorise', points: 6 },
      { sheetId: D.id, status: 'reserve', points: 5 },
    ])

    // A candidate's sheet deleted since the vote began: counted, not an error.
    await memory.repository.remove(E.id)
    const outcome = await store.confirm(reason)
    expect(outcome).toEqual({ ok: true, written: 4, missing: 1 })
    for (const [sheet, status, points] of [
      [C, 'priorise', 7],
      [A, 'reserve', 7],
      [B, 'priorise', 6],
      [D, 'reserve', 5],
    ] as const) {
      const stored = await memory.repository.getStored(sheet.id)
      expect(stored?.sheet.decision).toEqual({
        status,
        reason: `vote du 5 décembre 2026 — ${points} points`,
        decidedAt: '2026-12-05',
        source: 'vote',
        history: sheet === D ? [{ status: 'depriorise', reason: 'Données indisponibles', decidedAt: '2026-06-01', source: 'personne' }] : [],
      })
    }
    expect(store.vote?.groups[1]?.candidates.map((candidate) => candidate.label)).toEqual(['Soins', 'Vagues de chaleur'])
    expect(await memory.repository.getStored(E.id)).toBeUndefined()
    expect(store.vote?.confirmedAt).toEqual(expect.any(String))
    expect(votes.votes.get(store.vote!.id)?.confirmedAt).toBe(store.vote?.confirmedAt)
  })
  it('records a ballot received by QR code or link with its channel; the same again changes nothing; another is a correction', async () => {
    const store = await setUp()
    const added = await store.addVoter('Région Occitanie')
    if (!added.ok) throw new Error(added.problem)
    const [mobility, health] = store.vote!.groups as [VoteGroup, VoteGroup]
    const ballot = (rankings: Record<string, string[]>) => ({
      format: 'fiche-projet-data/bulletin' as const,
      version: 1 as const,
      exportedAt: '2026-12-05T10:00:00.000Z',
      voteId: store.vote!.id,
      voteTitle: store.vote!.title,
      voterId: added.voter.id,
      organisation: 'Région Occitanie',
      rankings,
    })
    const first = ballot({ [mobility.id]: [A.id], [health.id]: [B.id] })
    expect(await store.receiveBallot(first as never, 'Bulletin reçu par QR code', 'qr')).toEqual({ kind: 'recorded' })
    expect(await store.receiveBallot(first as never, 'Bulletin reçu par QR code', 'qr')).toEqual({ kind: 'same' })
    expect(await store.receiveBallot(ballot({ [mobility.id]: [C.id], [health.id]: [D.id] }) as never, 'Bulletin reçu par lien', 'lien')).toEqual({
      kind: 'corrected',
    })
    expect(store.vote!.ballots.map((recorded) => recorded.channel)).toEqual(['lien'])
    expect(store.vote!.history.map((event) => [event.kind, event.reason])).toEqual([
      ['enregistre', ''],
      ['corrige', 'Bulletin reçu par lien'],
    ])
  })
})
