import { describe, expect, it } from 'vitest'
import {
  compareTitles,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDay,
  formatEuros,
  formatIsoDate,
  formatPercent,
  formatRelative,
} from '@/presentation/format'

// Intl puts narrow or non-breaking spaces where French typography wants them; tests read plain spaces.
const plain = (text: string) => text.replace(/\u202f|\u00a0/g, ' ')

const now = new Date('2026-11-25T10:00:00.000Z')
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('formatRelative', () => {
  it.each([
    [0, 'maintenant'],
    [2, 'il y a 2 s'],
    [90, 'il y a 1 min'],
    [150, 'il y a 2 min'],
    [3 * 3600, 'il y a 3 h'],
    [86_400, 'hier'],
    [3 * 86_400, 'il y a 3 j'],
  ])('says %i s ago as "%s"', (seconds, text) => {
    expect(plain(formatRelative(before(seconds), now))).toBe(text)
  })
})

describe('French formats', () => {
  it('writes a calendar date without shifting it by the time zone', () => {
    expect(formatIsoDate('2026-04-01')).toBe('1 avril 2026')
    expect(formatIsoDate('pas une date')).toBe('pas une date')
  })

  it('writes moments as local days and date-times', () => {
    expect(formatDay('2026-03-02T10:00:00Z')).toBe('2 mars 2026')
    expect(formatDateTime(new Date(2026, 2, 2, 14, 5))).toBe('2 mars 2026 à 14:05')
  })

  it('writes percentages, euros, counts and sizes as French readers expect', () => {
    expect(plain(formatPercent(45))).toBe('45 %')
    expect(plain(formatEuros(45000))).toBe('45 000 €')
    expect(plain(formatEuros(1234.5))).toBe('1 234,50 €')
    expect(plain(formatCount(10_001))).toBe('10 001')
    expect(plain(formatBytes(1.5 * 1024 * 1024))).toBe('1,5 Mo')
    expect(plain(formatBytes(512))).toBe('512 o')
  })

  it('orders titles ignoring accents and case, with numbers in number order', () => {
    expect(['Fiche 10', 'écoles', 'Fiche 2', 'Eau'].sort(compareTitles)).toEqual(['Eau', 'écoles', 'Fiche 2', 'Fiche 10'])
  })
})
