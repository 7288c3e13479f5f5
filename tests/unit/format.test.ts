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
  formatAmountInput,
  formatRelative,
  parseAmount,
} from '@/presentation/format'
import { formatMoment } from '@/presentation/moments'

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

describe('parseAmount (French input)', () => {
  it.each([
    ['12,5', 12.5],
    ['1 234,50 €', 1234.5],
    ['1\u202f234,50\u00a0€', 1234.5],
    ['45000', 45000],
    ['45 000 EUR', 45000],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    ['-20', -20],
    ['-0', 0],
  ])('reads « %s » as %d', (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value })
  })

  it('reads an empty field as no amount, and refuses what is not one', () => {
    expect(parseAmount('  ')).toEqual({ ok: true, value: null })
    for (const text of ['abc', '12,5,3', '∞', '1e400', '12 €uros', '--3']) expect(parseAmount(text)).toEqual({ ok: false })
  })

  it('shows an amount back the French way', () => {
    expect(plain(formatAmountInput(12500.5))).toBe('12 500,5')
    expect(formatAmountInput(null)).toBe('')
  })
})

describe('formatMoment', () => {
  const t = (key: string, named?: Record<string, unknown>) => `${key}:${String(named?.date ?? '')}`

  it('says recent moments relative to now', () => {
    expect(plain(formatMoment(before(120), now, t))).toBe('il y a 2 min')
  })

  it('gives the date for old moments and for moments a wrong clock put in the future', () => {
    expect(formatMoment(new Date('2026-09-01T10:00:00Z'), now, t)).toBe('time.onDay:1 septembre 2026')
    expect(formatMoment(new Date('9999-12-31T10:00:00Z'), now, t)).toBe('time.onDay:31 décembre 9999')
    // A clock a few seconds ahead still reads "maintenant".
    expect(formatMoment(new Date(now.getTime() + 5_000), now, t)).toBe('maintenant')
  })
})
