// Every figure, date and amount as French readers expect it. The only module that names the locale: a second
// locale (or a change of style) is made here once.
const LOCALE = 'fr-FR'

const calendarDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' })
const localDay = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long' })
const localDateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short' })
// "short" reads "il y a 2 s" in French; "narrow" gives "-2 s".
const relativeTime = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto', style: 'short' })
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 })
const euros = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' })
const wholeEuros = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
const count = new Intl.NumberFormat(LOCALE)
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 })
const conjunction = new Intl.ListFormat(LOCALE, { type: 'conjunction' })
const numericDay = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric' })
const numericCalendarDay = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
const ungroupedNumber = new Intl.NumberFormat(LOCALE, { useGrouping: false, maximumFractionDigits: 2 })
const titleCollator = new Intl.Collator(LOCALE, { sensitivity: 'base', numeric: true })

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value
}

/** "2026-04-01" → "1 avril 2026". A calendar date has no time zone, so it is read and written in UTC. */
export function formatIsoDate(value: string): string {
  if (!ISO_DATE.test(value)) return value
  const date = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? value : calendarDate.format(date)
}

/** A moment (ISO 8601 datetime or Date) as the local calendar day: "2 mars 2026". */
export function formatDay(value: string | Date): string {
  const date = toDate(value)
  return Number.isNaN(date.getTime()) ? String(value) : localDay.format(date)
}

/** A moment with its local time: "2 mars 2026 à 14:05". */
export function formatDateTime(value: string | Date): string {
  const date = toDate(value)
  return Number.isNaN(date.getTime()) ? String(value) : localDateTime.format(date)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
]

/** "il y a 2 s", "il y a 3 h", "hier": a moment relative to now. */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relativeTime.format(Math.trunc(seconds / size), unit)
  }
  return relativeTime.format(0, 'second')
}

/**
 * A date as spreadsheets in France read it, « 02/03/2026 »: a calendar date ("2026-03-02") as it is, a moment
 * (ISO date-time or Date) as its local day.
 */
export function formatNumericDate(value: string | Date): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`)
    return Number.isNaN(date.getTime()) ? value : numericCalendarDay.format(date)
  }
  const date = toDate(value)
  return Number.isNaN(date.getTime()) ? String(value) : numericDay.format(date)
}

/** A number as a French spreadsheet reads it: decimal comma, no grouping (« 1234,5 »). */
export function formatPlainNumber(value: number): string {
  return ungroupedNumber.format(value)
}

/** ["RGPD", "Open data"] → "RGPD et Open data". */
export function formatList(items: readonly string[]): string {
  return conjunction.format(items)
}

/** 45 → "45 %" (a whole percentage, as the indicators are). */
export function formatPercent(value: number): string {
  return percent.format(value / 100)
}

/** "45 000 €" for whole amounts, "1 234,50 €" otherwise. */
export function formatEuros(amount: number): string {
  return (Number.isInteger(amount) ? wholeEuros : euros).format(amount)
}

/** "10 001": a count with French digit grouping. */
export function formatCount(value: number): string {
  return count.format(value)
}

/** A size in bytes with the French units: "1,5 Mo". */
export function formatBytes(value: number): string {
  const units = ['o', 'Ko', 'Mo', 'Go', 'To']
  let size = value
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit++
  }
  return `${oneDecimal.format(size)} ${units[unit]}`
}

/** Orders titles as a French reader expects: accents and case ignored, "Fiche 2" before "Fiche 10". */
export function compareTitles(a: string, b: string): number {
  return titleCollator.compare(a, b)
}

/** What a person typed in an amount field: a number, nothing (null), or text that is not an amount. */
export type AmountInput = { ok: true; value: number | null } | { ok: false }

const SPACES = /[\s\u00a0\u202f\u2009]/g

/**
 * Reads an amount typed the French way: "12,5", "1 234,50 €", "45000", "1.234.567" (dots grouping thousands),
 * or "12.5" (a dot as decimal point, as many keyboards type it). A minus sign is kept so the form can say that an
 * amount cannot be negative.
 */
export function parseAmount(text: string): AmountInput {
  const compact = text.replace(SPACES, '').replace(/€|eur(os?)?$/i, '')
  if (compact === '') return { ok: true, value: null }
  let normalised = compact
  if (compact.includes(',')) normalised = compact.replace(/\./g, '').replace(',', '.')
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(compact)) normalised = compact.replace(/\./g, '')
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return { ok: false }
  const value = Number(normalised)
  return Number.isFinite(value) ? { ok: true, value: value === 0 ? 0 : value } : { ok: false }
}

const plainNumber = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, useGrouping: true })

/** An amount as the field shows it: "12 500,5", without the currency (the label says euros). */
export function formatAmountInput(value: number | null): string {
  return value === null ? '' : plainNumber.format(value)
}
