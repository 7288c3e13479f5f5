// What a failed browser-storage write looks like, as plain data: shared by the stores (which keep the edit) and the
// error messages (which explain it), without either importing the storage layer.

/** QuotaExceededError, which Dexie sometimes wraps in an AbortError (its `inner`). */
export function isQuotaError(error: unknown): boolean {
  const candidate = error as { name?: string; inner?: { name?: string } } | null
  return candidate?.name === 'QuotaExceededError' || candidate?.inner?.name === 'QuotaExceededError'
}
