import { describe, expect, it } from 'vitest'
import { entriesFor, entryProblems, placeAt, rankingsOf } from '@/domain/ballot-entry'
import { addVoter, createVote, recordBallot } from '@/domain/vote'

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`
const now = new Date('2026-12-05T10:00:00Z')

function smallVote() {
  const vote = createVote({
    workshopId: id(90),
    title: 'Comité',
    date: '2026-12-05',
    now,
    rules: { ranksPerBallot: 3 },
    groups: [
      { id: id(80), label: 'A', candidates: [1, 2, 3, 4].map((n) => ({ sheetId: id(n), label: `A${n}` })) },
      { id: id(81), label: 'B', candidates: [5, 6].map((n) => ({ sheetId: id(n), label: `B${n}` })) },
    ],
  })
  const added = addVoter(vote, { organisation: 'Région', id: id(70) }, now)
  if (!added.ok) throw new Error('voter')
  return added.vote
}

describe('ballot entry', () => {
  it('starts empty, with k slots per group (fewer when the group is smaller)', () => {
    expect(entriesFor(smallVote(), id(70))).toEqual({
      [id(80)]: { abstain: false, slots: ['', '', ''] },
      [id(81)]: { abstain: false, slots: ['', ''] },
    })
  })

  it('shows the voter\'s own ballot when it is corrected', () => {
    const recorded = recordBallot(smallVote(), { voterId: id(70), rankings: { [id(80)]: [id(3), id(1)] } }, now)
    if (!recorded.ok) throw new Error('ballot')
    expect(entriesFor(recorded.vote, id(70))).toEqual({
      [id(80)]: { abstain: false, slots: [id(3), id(1), ''] },
      [id(81)]: { abstain: true, slots: ['', ''] },
    })
  })

  it('points out a rank left empty before a filled one, and a sheet in two ranks', () => {
    expect(entryProblems({ g: { abstain: false, slots: [id(1), '', id(2)] } })).toEqual([{ groupId: 'g', kind: 'gap', rank: 2 }])
    expect(entryProblems({ g: { abstain: false, slots: [id(1), id(1), ''] } })).toEqual([{ groupId: 'g', kind: 'repeated', rank: 2 }])
    expect(entryProblems({ g: { abstain: false, slots: [id(1), id(2), ''] } })).toEqual([])
    expect(entryProblems({ g: { abstain: true, slots: [id(1), '', id(1)] } })).toEqual([])
  })

  it('gives the filled ranks in order, or the abstention', () => {
    expect(rankingsOf({ a: { abstain: false, slots: [id(2), id(1), ''] }, b: { abstain: true, slots: [id(5), ''] } })).toEqual({
      a: [id(2), id(1)],
      b: 'abstention',
    })
  })

  it('places a sheet at a rank, swapping with the one there when it moves', () => {
    expect(placeAt(['', '', ''], id(1), 1)).toEqual(['', id(1), ''])
    expect(placeAt([id(1), id(2), ''], id(2), 0)).toEqual([id(2), id(1), ''])
    expect(placeAt([id(1), '', ''], id(1), 2)).toEqual(['', '', id(1)])
  })
})
