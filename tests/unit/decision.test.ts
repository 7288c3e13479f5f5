// How a decision changes and what its history keeps (format v3): the rule shared by a person's choice in the editor
// and a committee's confirmed vote.
import { describe, expect, it } from 'vitest'
import { changeDecision, decisionTimeline, keepsInHistory } from '@/domain/decision'
import { createSheet, LIMITS, type Decision } from '@/domain/sheet'

const undecided = (): Decision => createSheet({ title: 'Cas' }).decision

describe('changeDecision', () => {
  it('replaces « à examiner » without a trace, keeping a reason and a date a person wrote before choosing', () => {
    const before = { ...undecided(), reason: 'À revoir avec la DSI', decidedAt: '2026-02-10' }
    expect(changeDecision(before, { status: 'priorise', day: '2026-02-19', source: 'personne' })).toEqual({
      status: 'priorise',
      reason: 'À revoir avec la DSI',
      decidedAt: '2026-02-10',
      source: 'personne',
      history: [],
    })
    // A vote dates its decision with its own day and gives its own reason.
    expect(changeDecision(before, { status: 'reserve', day: '2026-02-19', source: 'vote', reason: 'vote du 19 février 2026 — 45 points' })).toEqual({
      status: 'reserve',
      reason: 'vote du 19 février 2026 — 45 points',
      decidedAt: '2026-02-19',
      source: 'vote',
      history: [],
    })
  })

  it('keeps a decision in force in the history when another replaces it: réserve → dépriorisé → réactivé', () => {
    const voted = changeDecision(undecided(), { status: 'reserve', day: '2026-02-19', source: 'vote', reason: 'vote du 19 février 2026 — 45 points' })
    const dropped = changeDecision({ ...voted }, { status: 'depriorise', day: '2026-06-12', source: 'personne' })
    expect(dropped).toMatchObject({ status: 'depriorise', reason: '', decidedAt: '2026-06-12', source: 'personne' })
    const withReason = { ...dropped, reason: 'Coût des données des opérateurs' }
    const back = changeDecision(withReason, { status: 'reactive', day: '2027-03-10', source: 'personne' })
    expect(back.history).toEqual([
      { status: 'reserve', reason: 'vote du 19 février 2026 — 45 points', decidedAt: '2026-02-19', source: 'vote' },
      { status: 'depriorise', reason: 'Coût des données des opérateurs', decidedAt: '2026-06-12', source: 'personne' },
    ])
    expect(decisionTimeline(back).map(({ entry, current }) => [entry.status, current])).toEqual([
      ['reactive', true],
      ['depriorise', false],
      ['reserve', false],
    ])
  })

  it('treats a person’s status changed again the same day, before any reason, as a slip: no trace', () => {
    const slip = changeDecision(undecided(), { status: 'priorise', day: '2026-02-19', source: 'personne' })
    expect(keepsInHistory(slip, { status: 'reserve', day: '2026-02-19', source: 'personne' })).toBe(false)
    expect(changeDecision(slip, { status: 'reserve', day: '2026-02-19', source: 'personne' }).history).toEqual([])
    // The next day, or once a reason is written, or when a vote replaces it, the decision is kept.
    expect(changeDecision(slip, { status: 'reserve', day: '2026-02-20', source: 'personne' }).history).toHaveLength(1)
    expect(changeDecision({ ...slip, reason: 'Urgent' }, { status: 'reserve', day: '2026-02-19', source: 'personne' }).history).toHaveLength(1)
    expect(changeDecision(slip, { status: 'reserve', day: '2026-02-19', source: 'vote', reason: 'vote' }).history).toHaveLength(1)
  })

  it('changes nothing for the same decision again (a vote confirmed twice)', () => {
    const change = { status: 'priorise', day: '2026-02-19', source: 'vote', reason: 'vote du 19 février 2026 — 9 points' } as const
    const once = changeDecision(undecided(), change)
    expect(keepsInHistory(once, change)).toBe(false)
    expect(changeDecision(once, change)).toEqual(once)
  })

  it(`drops the oldest earlier decision beyond ${LIMITS.decisionHistory}`, () => {
    let decision = changeDecision(undecided(), { status: 'priorise', day: '2026-01-01', source: 'vote', reason: '0' })
    for (let index = 1; index <= LIMITS.decisionHistory + 1; index++)
      decision = changeDecision(decision, { status: index % 2 ? 'reserve' : 'priorise', day: '2026-01-01', source: 'vote', reason: String(index) })
    expect(decision.history).toHaveLength(LIMITS.decisionHistory)
    expect(decision.history[0]!.reason).toBe('1')
    expect(decision.reason).toBe(String(LIMITS.decisionHistory + 1))
  })

  it('never shares objects with the decision it changes', () => {
    const before = changeDecision(undecided(), { status: 'priorise', day: '2026-01-01', source: 'vote', reason: 'a' })
    const after = changeDecision(before, { status: 'reserve', day: '2026-01-02', source: 'vote', reason: 'b' })
    after.history[0]!.reason = 'changé'
    expect(before.reason).toBe('a')
  })
})

describe('decisionTimeline', () => {
  it('is empty for a sheet never decided, and lists a lone decision', () => {
    expect(decisionTimeline(undecided())).toEqual([])
    const decided = changeDecision(undecided(), { status: 'realise', day: '2026-09-30', source: 'personne' })
    expect(decisionTimeline(decided)).toHaveLength(1)
  })
})
