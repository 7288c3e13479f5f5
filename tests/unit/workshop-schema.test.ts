// A workshop's rules are written once: what the form accepts is what a file's workshop block may hold.
import { describe, expect, it } from 'vitest'
import { parseExchangeFile, serializeSheets } from '@/domain/exchange'
import { createSheet } from '@/domain/sheet'
import { LIMITS } from '@/domain/vocabulary'
import { checkWorkshopDetails, type WorkshopDetails } from '@/domain/workshop-schema'

const valid: WorkshopDetails = { title: 'Parcours data — atelier 3', date: '2026-12-04', place: 'Lyon', facilitator: 'Camille' }

/** A file whose envelope carries these details as its workshop block, written by hand as another tool might. */
function fileWith(details: WorkshopDetails): string {
  const envelope = JSON.parse(serializeSheets([createSheet({ title: 'Fiche' })], new Date()))
  return JSON.stringify({ ...envelope, workshop: { id: crypto.randomUUID(), ...details } })
}

describe('the workshop details', () => {
  it('are trimmed, and an empty date field is no date', () => {
    expect(checkWorkshopDetails({ title: '  Atelier  ', date: '  ', place: ' Lyon ', facilitator: '' })).toEqual({
      details: { title: 'Atelier', date: null, place: 'Lyon', facilitator: '' },
      problems: [],
    })
  })

  it('name each field that is wrong, once, with why', () => {
    const long = 'x'.repeat(LIMITS.shortText + 1)
    expect(checkWorkshopDetails({ title: ' \u200B ', date: '2026-02-30', place: long, facilitator: long }).problems).toEqual([
      { field: 'title', code: 'required' },
      { field: 'date', code: 'date' },
      { field: 'place', code: 'tooLong' },
      { field: 'facilitator', code: 'tooLong' },
    ])
    expect(checkWorkshopDetails({ ...valid, title: long }).problems).toEqual([{ field: 'title', code: 'tooLong' }])
    expect(checkWorkshopDetails({ ...valid, date: '4 décembre' }).problems).toEqual([{ field: 'date', code: 'date' }])
  })

  it('are accepted by the form exactly when a file may carry them', () => {
    const long = 'é'.repeat(LIMITS.shortText + 1)
    const cases: WorkshopDetails[] = [
      valid,
      { ...valid, date: null, place: '', facilitator: '' },
      { ...valid, title: '' },
      { ...valid, title: '\u200B\u200B' },
      { ...valid, title: long },
      { ...valid, place: long },
      { ...valid, facilitator: long },
      { ...valid, date: '2026-13-01' },
      { ...valid, date: '2026-02-29' },
      { ...valid, date: '2028-02-29' },
    ]
    for (const details of cases) {
      const formAccepts = checkWorkshopDetails(details).problems.length === 0
      const parsed = parseExchangeFile(fileWith(details))
      const fileAccepts = parsed.ok && parsed.workshop !== undefined
      expect(fileAccepts, JSON.stringify(details)).toBe(formAccepts)
    }
  })
})
