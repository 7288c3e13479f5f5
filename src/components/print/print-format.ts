// Pure helpers of the printed sheet: French formats for dates and amounts, and the "is there anything to print"
// tests that let empty fields, lists and sections disappear from the paper version.

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
const localLongDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' })
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** "2026-04-01" → "1 avril 2026". A calendar date has no time zone, so it is read and written in UTC. */
export function formatIsoDate(value: string): string {
  if (!ISO_DATE.test(value)) return value
  const date = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? value : longDate.format(date)
}

/** A moment (ISO 8601 datetime or Date) as the local calendar day: "2 mars 2026". */
export function formatDay(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? String(value) : localLongDate.format(date)
}

/** "45 000 €" for whole amounts, "1 234,50 €" otherwise. */
export function formatEuros(amount: number): string {
  return (Number.isInteger(amount) ? wholeEuros : euros).format(amount)
}

/** The editor may hold a draft (blank or whitespace-only rows): those print as nothing. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/** Rows with at least one non-blank text among the given fields. */
export function withText<T>(rows: readonly T[], ...fields: (keyof T)[]): T[] {
  return rows.filter((row) => fields.some((field) => hasText(row[field] as string | null | undefined)))
}

export function isAmount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
