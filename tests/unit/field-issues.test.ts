import { describe, expect, it } from 'vitest'
import { toFieldIssues } from '@/domain/field-issues'
import { createSheet, validateSheet } from '@/domain/sheet'

function issuesOf(change: (sheet: any) => void) {
  const sheet: any = structuredClone(createSheet({ title: 'Test' }))
  change(sheet)
  const result = validateSheet(sheet)
  return result.ok ? [] : toFieldIssues(result.issues)
}

describe('toFieldIssues', () => {
  it('reports a blank required text as required', () => {
    expect(issuesOf((s) => (s.project.title = ' '))).toEqual([{ path: 'project.title', code: 'required' }])
  })

  it('reports the maximum length of a text that is too long', () => {
    expect(issuesOf((s) => (s.organisation = 'x'.repeat(201)))).toEqual([
      { path: 'organisation', code: 'tooLong', max: 200 },
    ])
  })

  it('reports a list over its limit', () => {
    expect(issuesOf((s) => (s.tags = Array.from({ length: 21 }, (_, i) => `t${i}`))))
      .toEqual([{ path: 'tags', code: 'tooMany', max: 20 }])
  })

  it('reports a negative amount, a malformed date and an end before the start', () => {
    expect(issuesOf((s) => (s.project.budget.total = -5))).toEqual([{ path: 'project.budget.total', code: 'negative' }])
    expect(issuesOf((s) => (s.project.calendar.start = '2026-02-30'))).toEqual([
      { path: 'project.calendar.start', code: 'date' },
    ])
    expect(
      issuesOf((s) => Object.assign(s.project.calendar, { start: '2026-05-01', end: '2026-04-01' })),
    ).toEqual([{ path: 'project.calendar.end', code: 'endBeforeStart' }])
  })

  it('reports a value outside a list of choices, and a score that is not an integer', () => {
    expect(issuesOf((s) => (s.phase = 'fini'))).toEqual([{ path: 'phase', code: 'choice' }])
    expect(issuesOf((s) => (s.radar.rgpd.prototype = 1.5))).toEqual([{ path: 'radar.rgpd.prototype', code: 'score' }])
    expect(issuesOf((s) => (s.radar.rgpd.scaleUp = 5))).toEqual([{ path: 'radar.rgpd.scaleUp', code: 'score' }])
    expect(issuesOf((s) => delete s.radar.rgpd)).toEqual([{ path: 'radar.rgpd', code: 'missing' }])
  })
})

describe('a value missing from an enumerated field', () => {
  it('is reported as missing, not as a wrong value', async () => {
    const { validateSheet, createSheet } = await import('@/domain/sheet')
    const { toFieldIssues } = await import('@/domain/field-issues')
    const sheet = createSheet({ title: 'Eau' }) as unknown as Record<string, unknown>
    const data = sheet.data as { datasets: unknown[] }
    data.datasets = [{ name: 'Relevés', personal: 'non' }, { name: 'Compteurs', access: 'partout', personal: 'non' }]
    const result = validateSheet(sheet)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(toFieldIssues(result.issues)).toEqual([
        { path: 'data.datasets.0.access', code: 'missing' },
        { path: 'data.datasets.1.access', code: 'choice' },
      ])
  })
})
