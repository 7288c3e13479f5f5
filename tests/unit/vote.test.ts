import { describe, expect, it } from 'vitest'
import { decisionsOf, tallyGroup, tallyVote, type GroupTally } from '@/domain/vote-count'
import {
  addVoter,
  breakTie,
  createVote,
  organisationKey,
  pointsForRank,
  rankingProblems,
  recordBallot,
  removeVoter,
  voteSchema,
  type Ballot,
  type Ranking,
  type Vote,
  type VoteGroup,
} from '@/domain/vote'

const NOW = new Date('2026-02-19T15:00:00+01:00')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

/** A stable uuid for a short name, so that tests read « E1 » and the schema sees a uuid. */
function uuid(name: string): string {
  const hex = [...name].map((character) => character.charCodeAt(0).toString(16).padStart(2, '0')).join('').padEnd(12, '0').slice(0, 12)
  return `00000000-0000-4000-8000-${hex}`
}

function group(name: string, candidates: [string, string][]): VoteGroup {
  return { id: uuid(name), label: name, candidates: candidates.map(([id, label]) => ({ sheetId: uuid(id), label })) }
}

const RULES = { ranksPerBallot: 4, keptPerGroup: 2 }

/** Ballots in one group: each ranking (short names) repeated `count` times. */
function ballots(groupName: string, patterns: [number, string[] | 'abstention'][]): Ballot[] {
  let voter = 0
  return patterns.flatMap(([count, ranking]) =>
    Array.from({ length: count }, () => ({
      voterId: uuid(`V${++voter}`),
      rankings: { [uuid(groupName)]: ranking === 'abstention' ? ranking : ranking.map(uuid) },
      recordedAt: NOW.toISOString(),
      channel: 'saisie' as const,
    })),
  )
}

const summary = (tally: GroupTally) =>
  tally.rows.map((row) => `${row.candidate.label}:${row.points}:${row.rankedBy}:${row.place}${row.tied ? '=' : ''}:${row.outcome}`)

describe('points', () => {
  it('give the least preferred of k 2 points and one more per better rank: the best of 4 gets 5', () => {
    expect([1, 2, 3, 4].map((rank) => pointsForRank(rank, 4))).toEqual([5, 4, 3, 2])
    expect([1, 2, 3, 4, 5, 6].map((rank) => pointsForRank(rank, 6))).toEqual([7, 6, 5, 4, 3, 2])
    expect([1].map((rank) => pointsForRank(rank, 1))).toEqual([2])
    expect(() => pointsForRank(5, 4)).toThrow(RangeError)
    expect(() => pointsForRank(0, 4)).toThrow(RangeError)
  })
})

describe('tallyGroup', () => {
  const four = group('G', [['A', 'Alpha'], ['B', 'Bêta'], ['C', 'Gamma'], ['D', 'Delta']])

  it('adds up the points, counts the ballots that ranked each candidate, keeps the best 2', () => {
    // A B C D and A C B D: A 5 + 5 = 10, B 4 + 3 = 7, C 3 + 4 = 7, D 2 + 2 = 4.
    const tally = tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D']], [1, ['A', 'C', 'B', 'D']]]), RULES)
    expect(tally.ranks).toBe(4)
    expect(tally.ballots).toBe(2)
    // B and C tie across the cut-off (2nd place, one seat): pending until the chair decides.
    expect(summary(tally)).toEqual(['Alpha:10:2:1:kept', 'Bêta:7:2:2=:pending', 'Gamma:7:2:2=:pending', 'Delta:4:2:4:reserve'])
    expect(tally.tie).toEqual({ sheetIds: [uuid('B'), uuid('C')], seats: 1, decision: null })
    expect(tally.settled).toBe(false)
  })

  it('applies the chair’s decision on a tie at the cut-off, in the chair’s order', () => {
    const tieBreak = { groupId: uuid('G'), order: [uuid('C'), uuid('B')], reason: 'Départage par la co-présidence', decidedAt: NOW.toISOString() }
    const tally = tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D']], [1, ['A', 'C', 'B', 'D']]]), RULES, tieBreak)
    expect(summary(tally)).toEqual(['Alpha:10:2:1:kept', 'Gamma:7:2:2=:kept', 'Bêta:7:2:2=:reserve', 'Delta:4:2:4:reserve'])
    expect(tally.tie?.decision).toBe(tieBreak)
    expect(tally.settled).toBe(true)
  })

  it('ignores a chair’s decision about other candidates than those tied now (after a correction)', () => {
    const stale = { groupId: uuid('G'), order: [uuid('A'), uuid('B')], reason: 'Ancien départage', decidedAt: NOW.toISOString() }
    const tally = tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D']], [1, ['A', 'C', 'B', 'D']]]), RULES, stale)
    expect(tally.tie?.decision).toBeNull()
    expect(tally.settled).toBe(false)
  })

  it('flags no tie elsewhere than at the cut-off, and lists equal points in a fixed order (by label)', () => {
    // A B C D and B A D C: A 9, B 9 (tied at the top, both kept), C 5, D 5 (tied in reserve).
    const tally = tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D']], [1, ['B', 'A', 'D', 'C']]]), RULES)
    expect(summary(tally)).toEqual(['Alpha:9:2:1=:kept', 'Bêta:9:2:1=:kept', 'Delta:5:2:3=:reserve', 'Gamma:5:2:3=:reserve'])
    expect(tally.tie).toBeNull()
    expect(tally.settled).toBe(true)
  })

  it('counts a ballot ranking fewer than k by the ranks it gives: its first still gets k + 1', () => {
    const tally = tallyGroup(four, ballots('G', [[1, ['D', 'C']]]), RULES)
    expect(summary(tally)).toEqual(['Delta:5:1:1:kept', 'Gamma:4:1:2:kept', 'Alpha:0:0:3=:reserve', 'Bêta:0:0:3=:reserve'])
  })

  it('with fewer candidates than k, ranks them all: the last of 3 gets 2, the best 4', () => {
    const three = group('H', [['A', 'Alpha'], ['B', 'Bêta'], ['C', 'Gamma']])
    const tally = tallyGroup(three, ballots('H', [[2, ['C', 'B', 'A']]]), RULES)
    expect(tally.ranks).toBe(3)
    expect(summary(tally)).toEqual(['Gamma:8:2:1:kept', 'Bêta:6:2:2:kept', 'Alpha:4:2:3:reserve'])
    // As many candidates as kept: all kept, whatever the points.
    const two = group('I', [['A', 'Alpha'], ['B', 'Bêta']])
    expect(summary(tallyGroup(two, ballots('I', [[1, ['B']]]), RULES))).toEqual(['Bêta:3:1:1:kept', 'Alpha:0:0:2:kept'])
  })

  it('counts abstentions apart: an abstention, a group missing from a ballot, or an empty ranking', () => {
    const missing: Ballot = { voterId: uuid('V9'), rankings: {}, recordedAt: NOW.toISOString(), channel: 'saisie' }
    const tally = tallyGroup(four, [...ballots('G', [[1, ['A']], [2, 'abstention'], [1, []]]), missing], RULES)
    expect(tally.ballots).toBe(1)
    expect(tally.abstentions).toBe(4)
    expect(tally.rows[0]).toMatchObject({ points: 5, rankedBy: 1, firstRanks: 1 })
  })

  it('with no ballot at all, ties every candidate at 0 across the cut-off', () => {
    const tally = tallyGroup(four, [], RULES)
    expect(tally.tie).toMatchObject({ seats: 2 })
    expect(tally.tie!.sheetIds).toHaveLength(4)
    expect(tally.rows.every((row) => row.outcome === 'pending')).toBe(true)
  })

  it('with more seats, a tie across the cut-off names how many of the tied can be kept', () => {
    const rules = { ranksPerBallot: 4, keptPerGroup: 3 }
    // A B C D and A C B D: A 10, B 7, C 7, D 4 → 3 kept: A, then B and C both (no tie across 3).
    expect(tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D']], [1, ['A', 'C', 'B', 'D']]]), rules).tie).toBeNull()
    // A B C D and B A D C: A 9, B 9, C 5, D 5 → 3 kept: A, B, and one of C and D.
    const tally = tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D']], [1, ['B', 'A', 'D', 'C']]]), rules)
    expect(tally.tie).toEqual({ sheetIds: [uuid('D'), uuid('C')], seats: 1, decision: null })
  })

  it('refuses a stored ballot the rules forbid rather than count it', () => {
    expect(() => tallyGroup(four, ballots('G', [[1, ['A', 'B', 'C', 'D', 'A']]]), RULES)).toThrow(RangeError)
    expect(() => tallyGroup(four, ballots('G', [[1, ['Z']]]), RULES)).toThrow(RangeError)
  })
})

describe('rankings, voters and ballots', () => {
  const education = group('Éducation', [['E1', 'Effectifs'], ['E2', 'Bâti'], ['E3', 'Décrochage']])
  const mobilites = group('Mobilités', [['M1', 'Téléphonie mobile'], ['M2', 'Espace partagé']])
  const newVote = () =>
    createVote({ workshopId: uuid('W'), title: 'Priorisation CTD', date: '2026-02-19', groups: [education, mobilites], now: NOW })

  it('says what is wrong with a ranking', () => {
    const rules = { ranksPerBallot: 2, keptPerGroup: 1 }
    expect(rankingProblems(education, [uuid('E1'), uuid('E2')], rules)).toEqual([])
    expect(rankingProblems(education, 'abstention', rules)).toEqual([])
    expect(rankingProblems(education, [uuid('M1')], rules)).toEqual(['unknown-candidate'])
    expect(rankingProblems(education, [uuid('E1'), uuid('E1')], rules)).toEqual(['repeated-candidate'])
    expect(rankingProblems(education, [uuid('E1'), uuid('E2'), uuid('E3')], rules)).toEqual(['too-many'])
  })

  it('takes one voter per organisation: required, unique whatever the case, accents and spaces', () => {
    let vote = newVote()
    const first = addVoter(vote, { organisation: '  Région Occitanie ', name: 'Mme Durand' }, NOW)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    vote = first.vote
    expect(vote.voters).toEqual([{ id: expect.any(String), organisation: 'Région Occitanie', name: 'Mme Durand' }])
    expect(addVoter(vote, { organisation: 'region  OCCITANIE' }, NOW)).toEqual({ ok: false, problem: 'duplicate' })
    expect(addVoter(vote, { organisation: '   ' }, NOW)).toEqual({ ok: false, problem: 'required' })
    expect(addVoter(vote, { organisation: '\u200b' }, NOW)).toEqual({ ok: false, problem: 'required' })
    expect(addVoter(vote, { organisation: 'x'.repeat(201) }, NOW)).toEqual({ ok: false, problem: 'too-long' })
    expect(organisationKey('CD  65')).toBe(organisationKey('cd 65'))
  })

  it('records a ballot, then a correction that replaces it, the history keeping both with the reason', () => {
    let vote = newVote()
    const added = addVoter(vote, { organisation: 'CD 65' }, NOW)
    if (!added.ok) throw new Error('voter')
    vote = added.vote
    const voterId = added.voter.id
    const first = recordBallot(vote, { voterId, rankings: { [education.id]: [uuid('E1'), uuid('E2')] } }, later(1))
    if (!first.ok) throw new Error('ballot')
    expect(first.corrected).toBe(false)
    // Mobilités, not ranked, is an abstention.
    expect(first.vote.ballots[0]!.rankings).toEqual({ [education.id]: [uuid('E1'), uuid('E2')], [mobilites.id]: 'abstention' })
    const second = recordBallot(first.vote, { voterId, rankings: { [education.id]: [uuid('E2'), uuid('E1')], [mobilites.id]: [uuid('M1')] } }, later(5), 'Inversion signalée par le votant')
    if (!second.ok) throw new Error('correction')
    expect(second.corrected).toBe(true)
    expect(second.vote.ballots).toHaveLength(1)
    expect(second.vote.ballots[0]!.rankings[education.id]).toEqual([uuid('E2'), uuid('E1')])
    expect(second.vote.history.map((event) => [event.kind, event.reason])).toEqual([
      ['enregistre', ''],
      ['corrige', 'Inversion signalée par le votant'],
    ])
    expect(second.vote.history[0]!.rankings[education.id]).toEqual([uuid('E1'), uuid('E2')])
    // The stored record is valid against the schema.
    expect(voteSchema.safeParse(second.vote).success).toBe(true)
    // A voter with a ballot stays.
    expect(removeVoter(second.vote, voterId, NOW)).toBeUndefined()
  })

  it('refuses a ballot from nobody, for another group, or against the rules', () => {
    const added = addVoter(newVote(), { organisation: 'CD 65' }, NOW)
    if (!added.ok) throw new Error('voter')
    const { vote, voter } = added
    expect(recordBallot(vote, { voterId: uuid('X'), rankings: {} }, NOW)).toEqual({ ok: false, problem: { kind: 'unknown-voter' } })
    expect(recordBallot(vote, { voterId: voter.id, rankings: { [uuid('Z')]: [] } }, NOW)).toEqual({ ok: false, problem: { kind: 'unknown-group', groupId: uuid('Z') } })
    expect(recordBallot(vote, { voterId: voter.id, rankings: { [mobilites.id]: [uuid('E1')] } }, NOW)).toEqual({
      ok: false,
      problem: { kind: 'ranking', groupId: mobilites.id, problems: ['unknown-candidate'] },
    })
  })

  it('refuses a vote where a sheet competes in two groups', () => {
    const twice = group('Bis', [['E1', 'Effectifs']])
    expect(() => createVote({ workshopId: uuid('W'), title: 'Vote', date: '2026-02-19', groups: [education, twice], now: NOW })).toThrow()
  })
})

// The Comité Territorial de la Donnée's vote (../shared/seeds/000), replayed with invented ballots: 18 voters (one
// per organisation), 3 commissions, 4 ranks per ballot (5, 4, 3 and 2 points), 2 kept per commission.
describe('a realistic vote: 18 voters, 3 groups, a tie at one cut-off', () => {
  const ORGANISATIONS = [
    'Région Occitanie', 'SGAR Occitanie', 'CD 31', 'CD 32', 'CD 65', 'CD 81', 'CD 82', 'Toulouse Métropole',
    'Montpellier Méditerranée Métropole', 'Nîmes Métropole', 'Perpignan Méditerranée Métropole', 'Ville d’Albi',
    'Rectorat de Toulouse', 'ARS Occitanie', 'Tisséo', 'OPenIG', 'CNIG', 'Université de Toulouse',
  ]
  const education = group('Éducation', [
    ['E1', 'Effectifs et carte scolaire'], ['E2', 'Bâti et équipements'], ['E3', 'Décrochage scolaire'],
    ['E4', 'Restauration scolaire'], ['E5', 'Parcours éducatifs'],
  ])
  const mobilites = group('Mobilités', [['M1', 'Téléphonie mobile'], ['M2', 'Espace partagé de données'], ['M3', 'Covoiturage'], ['M4', 'Transport à la demande']])
  const sante = group('Santé globale', [['S1', 'Offre de santé'], ['S2', 'Santé environnementale'], ['S3', 'Prévention'], ['S4', 'Télémédecine']])

  /** Each group's rankings, one per voter in the order of ORGANISATIONS. */
  const EDUCATION: (string[] | 'abstention')[] = [
    ...Array<string[]>(7).fill(['E1', 'E2', 'E3', 'E4']),
    ...Array<string[]>(5).fill(['E2', 'E1', 'E5', 'E3']),
    ...Array<string[]>(4).fill(['E3', 'E2', 'E1', 'E5']),
    ['E5', 'E4'],
    'abstention',
  ]
  const MOBILITES: string[][] = [
    ...Array<string[]>(6).fill(['M1', 'M2', 'M3', 'M4']),
    ...Array<string[]>(6).fill(['M2', 'M1', 'M4', 'M3']),
    ...Array<string[]>(3).fill(['M2', 'M1', 'M3', 'M4']),
    ...Array<string[]>(3).fill(['M1', 'M2', 'M4', 'M3']),
  ]
  const SANTE: (string[] | 'abstention')[] = [
    ...Array<string[]>(8).fill(['S1', 'S2', 'S3', 'S4']),
    ...Array<string[]>(8).fill(['S1', 'S3', 'S2', 'S4']),
    ['S4', 'S1'],
    'abstention',
  ]

  function replay(): Vote {
    let vote = createVote({ workshopId: uuid('W'), title: 'Comité plénier', date: '2026-02-19', groups: [education, mobilites, sante], rules: RULES, now: NOW })
    const voterIds = ORGANISATIONS.map((organisation) => {
      const added = addVoter(vote, { organisation }, NOW)
      if (!added.ok) throw new Error(organisation)
      vote = added.vote
      return added.voter.id
    })
    const ranking = (entry: string[] | 'abstention'): Ranking => (entry === 'abstention' ? entry : entry.map(uuid))
    voterIds.forEach((voterId, index) => {
      // The last voter's ballot is first entered with Mobilités inverted, then corrected (« correction à postériori »).
      const mobilitesRanking = index === 17 ? ['M3', 'M4', 'M1', 'M2'] : MOBILITES[index]!
      const recorded = recordBallot(
        vote,
        { voterId, rankings: { [education.id]: ranking(EDUCATION[index]!), [mobilites.id]: ranking(mobilitesRanking), [sante.id]: ranking(SANTE[index]!) } },
        later(index),
      )
      if (!recorded.ok) throw new Error(JSON.stringify(recorded.problem))
      vote = recorded.vote
    })
    const corrected = recordBallot(
      vote,
      { voterId: voterIds[17]!, rankings: { [education.id]: ranking(EDUCATION[17]!), [mobilites.id]: ranking(MOBILITES[17]!), [sante.id]: ranking(SANTE[17]!) } },
      later(30),
      'Erreur de saisie signalée par le votant',
    )
    if (!corrected.ok) throw new Error('correction')
    return corrected.vote
  }

  it('counts each commission as computed by hand', () => {
    const vote = replay()
    expect(vote.ballots).toHaveLength(18)
    expect(vote.history).toHaveLength(19)
    const [educationTally, mobilitesTally, santeTally] = tallyVote(vote)

    // Éducation, 17 ballots and 1 abstention:
    //   7 × E1 E2 E3 E4 → E1 35, E2 28, E3 21, E4 14
    //   5 × E2 E1 E5 E3 → E2 25, E1 20, E5 15, E3 10
    //   4 × E3 E2 E1 E5 → E3 20, E2 16, E1 12, E5 8
    //   1 × E5 E4 (2 ranks only) → E5 5, E4 4
    //   E2 = 28 + 25 + 16 = 69; E1 = 35 + 20 + 12 = 67; E3 = 21 + 10 + 20 = 51; E5 = 15 + 8 + 5 = 28; E4 = 14 + 4 = 18.
    expect(educationTally!.ballots).toBe(17)
    expect(educationTally!.abstentions).toBe(1)
    expect(summary(educationTally!)).toEqual([
      'Bâti et équipements:69:16:1:kept',
      'Effectifs et carte scolaire:67:16:2:kept',
      'Décrochage scolaire:51:16:3:reserve',
      'Parcours éducatifs:28:10:4:reserve',
      'Restauration scolaire:18:8:5:reserve',
    ])

    // Mobilités, 18 ballots (the corrected one counts as corrected):
    //   6 × M1 M2 M3 M4 → M1 30, M2 24, M3 18, M4 12
    //   6 × M2 M1 M4 M3 → M2 30, M1 24, M4 18, M3 12
    //   3 × M2 M1 M3 M4 → M2 15, M1 12, M3 9, M4 6
    //   3 × M1 M2 M4 M3 → M1 15, M2 12, M4 9, M3 6
    //   M1 = 30 + 24 + 12 + 15 = 81; M2 = 24 + 30 + 15 + 12 = 81; M3 = 18 + 12 + 9 + 6 = 45; M4 = 12 + 18 + 6 + 9 = 45.
    //   Total 252 = 18 ballots × (5 + 4 + 3 + 2). Ties at the top and in reserve, none across the cut-off: no flag.
    expect(summary(mobilitesTally!)).toEqual([
      'Espace partagé de données:81:18:1=:kept',
      'Téléphonie mobile:81:18:1=:kept',
      'Covoiturage:45:18:3=:reserve',
      'Transport à la demande:45:18:3=:reserve',
    ])
    expect(mobilitesTally!.tie).toBeNull()

    // Santé globale, 17 ballots and 1 abstention:
    //   8 × S1 S2 S3 S4 → S1 40, S2 32, S3 24, S4 16
    //   8 × S1 S3 S2 S4 → S1 40, S3 32, S2 24, S4 16
    //   1 × S4 S1 → S4 5, S1 4
    //   S1 = 84; S2 = 56; S3 = 56; S4 = 37. Total 233 = 16 × 14 + 9. S2 and S3 tie for the one seat left.
    expect(summary(santeTally!)).toEqual([
      'Offre de santé:84:17:1:kept',
      'Prévention:56:16:2=:pending',
      'Santé environnementale:56:16:2=:pending',
      'Télémédecine:37:17:4:reserve',
    ])
    expect(santeTally!.tie).toEqual({ sheetIds: [uuid('S3'), uuid('S2')], seats: 1, decision: null })
    expect(decisionsOf(tallyVote(vote))).toBeUndefined()
  })

  it('settles the tie by the chair’s decision, then gives every sheet its decision', () => {
    const vote = breakTie(replay(), { groupId: sante.id, order: [uuid('S2'), uuid('S3')], reason: 'Départage par la co-présidence' }, later(40))
    expect(voteSchema.safeParse(vote).success).toBe(true)
    const tallies = tallyVote(vote)
    expect(summary(tallies[2]!)).toEqual([
      'Offre de santé:84:17:1:kept',
      'Santé environnementale:56:16:2=:kept',
      'Prévention:56:16:2=:reserve',
      'Télémédecine:37:17:4:reserve',
    ])
    const decisions = decisionsOf(tallies)!
    expect(decisions.filter((decision) => decision.status === 'priorise').map((decision) => decision.sheetId).sort()).toEqual(
      ['E1', 'E2', 'M1', 'M2', 'S1', 'S2'].map(uuid).sort(),
    )
    expect(decisions).toHaveLength(13)
    expect(decisions.find((decision) => decision.sheetId === uuid('E5'))).toEqual({ sheetId: uuid('E5'), status: 'reserve', points: 28 })
  })

  it('keeps the first entry of the corrected ballot in the history, which counted otherwise', () => {
    // The first entry, M3 M4 M1 M2, gave M3 5, M4 4, M1 3, M2 2 where M1 M2 M4 M3 gives M1 5, M2 4, M4 3, M3 2.
    const vote = replay()
    const first = vote.history.find((event) => event.voterId === vote.voters[17]!.id && event.kind === 'enregistre')!
    const before = tallyGroup(mobilites, vote.ballots.map((ballot) => (ballot.voterId === first.voterId ? { ...ballot, rankings: first.rankings } : ballot)), RULES)
    // M1 = 81 − 5 + 3 = 79; M2 = 81 − 4 + 2 = 79; M3 = 45 − 2 + 5 = 48; M4 = 45 − 3 + 4 = 46.
    expect(summary(before)).toEqual([
      'Espace partagé de données:79:18:1=:kept',
      'Téléphonie mobile:79:18:1=:kept',
      'Covoiturage:48:18:3:reserve',
      'Transport à la demande:46:18:4:reserve',
    ])
  })
})

describe('groupsByDomain', () => {
  it('makes one group per domain, in the order of first appearance, without case or accent differences', async () => {
    const { groupsByDomain } = await import('@/domain/vote-setup')
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`
    const groups = groupsByDomain([
      { id: id(1), title: 'Cantines', domain: 'Éducation' },
      { id: id(2), title: 'Vélos', domain: 'Mobilités' },
      { id: id(3), title: 'Écoles', domain: 'education ' },
      { id: id(4), title: '  ', domain: 'Mobilités' },
      { id: id(5), title: 'Sans domaine', domain: '' },
    ])
    expect(groups).toEqual([
      { label: 'Éducation', candidates: [{ sheetId: id(1), label: 'Cantines' }, { sheetId: id(3), label: 'Écoles' }] },
      { label: 'Mobilités', candidates: [{ sheetId: id(2), label: 'Vélos' }] },
      { label: '', candidates: [{ sheetId: id(5), label: 'Sans domaine' }] },
    ])
  })
})
