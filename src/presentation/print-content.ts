// What the printed sheet leaves out: empty fields, blank rows and sections without content disappear from paper.

/** Blank or whitespace-only text prints as nothing. */
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
