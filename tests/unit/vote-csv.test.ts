import { describe, expect, it } from 'vitest'
import { addVoter, breakTie, createVote, recordBallot, type Ranking, type Vote, type VoteGroup } from '@/domain/vote'
import { tallyVote } from '@/domain/vote-count'
import { BYTE_ORDER_MARK } from '@/presentation/spreadsheet'
import { voteResultsCsv, voteResultsHeader } from '@/presentation/vote-csv'
import { testTranslate } from '../i18n'

const { t } = testTranslate()
const NOW = new Date('2026-12-05T14:00:00+01:00')

const [A, B, C, D, E] = Array.from({ length: 5 }, () => crypto.randomUUID()) as [string, string, string, string, string]

/**
 * 2 groups, 3 ballots; each ballot ranks 2 projects per group, 1 kept per group.
 *   « =Mobilités » (3 candidates, k = min(2, 3) = 2: 1st 3 points, 2nd 2 points):
 *     V1 A B, V2 A C, V3 B A → A 3 + 3 + 2 = 8 (3 ballots, 2 firsts), B 2 + 3 = 5 (2, 1), C 2 (1, 0): A kept.
 *   « Santé; social » (2 candidates, k = 2: 3 and 2 points):
 *     V1 D E, V2 E D, V3 abstains → D 3 + 2 = 5 (2, 1), E 2 + 3 = 5 (2, 1): tied at the cut-off, pending.
 */
function smallVote(): Vote {
  let vote = createVote({
    workshopId: crypto.randomUUID(),
    title: 'Vote du comité',
    date: '2026-12-05',
    rules: { ranksPerBallot: 2, keptPerGroup: 1 },
    groups: [
      {
        label: '=Mobilités',
        candidates: [
          { sheetId: A, label: 'Covoiturage' },
          { sheetId: B, label: 'Flux "temps réel"' },
          { sheetId: C, label: 'Parkings' },
        ],
      },
      { label: 'Santé; social', candidates: [{ sheetId: D, label: 'Offre de soins' }, { sheetId: E, label: 'Canicule' }] },
    ],
    now: NOW,
  })
  const [mobility, health] = vote.groups as [VoteGroup, VoteGroup]
  const ballots: [string, Ranking, Ranking][] = [
    ['Région', [A, B], [D, E]],
    ['Métropole', [A, C], [E, D]],
    ['Département', [B, A], 'abstention'],
  ]
  for (const [organisation, inMobility, inHealth] of ballots) {
    const added = addVoter(vote, { organisation }, NOW)
    if (!added.ok) throw new Error(added.problem)
    const recorded = recordBallot(added.vote, { voterId: added.voter.id, rankings: { [mobility.id]: inMobility, [health.id]: inHealth } }, NOW)
    if (!recorded.ok) throw new Error(recorded.problem.kind)
    vote = recorded.vote
  }
  return vote
}

const HEADER = 'Groupe;Rang;Projet;Points;Bulletins l’ayant classé;Classé premier;Résultat'

describe('the results spreadsheet', () => {
  it('has one row per candidate, group after group, in the results’ order, with the figures counted by hand', () => {
    expect(voteResultsHeader(t)).toEqual(HEADER.split(';'))
    const text = voteResultsCsv(tallyVote(smallVote()), t)
    expect(text).toBe(
      BYTE_ORDER_MARK +
        [
          HEADER,
          // « =Mobilités » would run as a formula: shown as text. A quote in a project's name is doubled, in quotes.
          "'=Mobilités;1;Covoiturage;8;3;2;Priorisé",
          '\'=Mobilités;2;"Flux ""temps réel""";5;2;1;En réserve',
          "'=Mobilités;3;Parkings;2;1;0;En réserve",
          // « ; » in the group's name: the cell is quoted. Tied candidates share the place, in the labels' order.
          '"Santé; social";1;Canicule;5;2;1;Départage attendu',
          '"Santé; social";1;Offre de soins;5;2;1;Départage attendu',
          '',
        ].join('\r\n'),
    )
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('follows the chair’s decision on a tie, in the chair’s order', () => {
    const vote = smallVote()
    const decided = breakTie(vote, { groupId: vote.groups[1]!.id, order: [D, E], reason: 'Voix de la présidence' }, NOW)
    const lines = voteResultsCsv(tallyVote(decided), t).split('\r\n')
    expect(lines.slice(4)).toEqual([
      '"Santé; social";1;Offre de soins;5;2;1;Priorisé',
      '"Santé; social";1;Canicule;5;2;1;En réserve',
      '',
    ])
  })

  it('names a group of sheets without a domain as the screen does, and lists a group nobody voted in', () => {
    const vote = createVote({
      workshopId: crypto.randomUUID(),
      title: 'Vote',
      date: '2026-12-05',
      groups: [{ label: '', candidates: [{ sheetId: A, label: '@Bornes' }, { sheetId: B, label: 'Bennes' }] }],
      now: NOW,
    })
    // No ballot: every candidate at 0 points, both kept (2 kept per group by default).
    expect(voteResultsCsv(tallyVote(vote), t).split('\r\n').slice(1)).toEqual([
      "Sans domaine;1;'@Bornes;0;0;0;Priorisé",
      'Sans domaine;1;Bennes;0;0;0;Priorisé',
      '',
    ])
  })
})
