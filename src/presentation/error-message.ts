// Any caught error as one French sentence a person can act on. Raw messages (English, a Zod dump, a stack) are
// never shown: the error's kind picks the sentence, and only an unknown kind adds its technical name.
import { isQuotaError } from '@/domain/storage-errors'
import type { Translate } from './translate'

interface NamedError {
  name?: unknown
  inner?: { name?: unknown }
}

// Dexie names its errors after the IndexedDB ones, and wraps some of them (the cause is then `inner`).
const DATABASE_ERRORS = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
  'InvalidStateError',
  'VersionError',
  'MissingAPIError',
  'UnknownError',
  'NotFoundError',
  'TransactionInactiveError',
])

function nameOf(error: unknown): string {
  const candidate = error as NamedError | null
  return typeof candidate?.name === 'string' ? candidate.name : ''
}

function innerNameOf(error: unknown): string {
  const inner = (error as NamedError | null)?.inner
  return typeof inner?.name === 'string' ? inner.name : ''
}

/**
 * A piece of code this page asks for is gone: the app was updated (the service worker now holds the new version's
 * files) while this page still runs the old one. Browsers word it differently; all reject the dynamic import.
 */
export function isStaleCodeError(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message
  return (
    nameOf(error) === 'TypeError' &&
    typeof message === 'string' &&
    /dynamically imported module|importing a module script failed|module script|failed to fetch/i.test(message)
  )
}

export function describeError(error: unknown, t: Translate): string {
  if (isQuotaError(error)) return t('errors.quota')
  if (isStaleCodeError(error)) return t('errors.newVersion')
  const names = [nameOf(error), innerNameOf(error)]
  if (names.includes('DataCloneError')) return t('errors.clone')
  if (names.some((name) => DATABASE_ERRORS.has(name))) return t('errors.database')
  if (names.includes('NotAllowedError') || names.includes('SecurityError')) return t('errors.notAllowed')
  if (names.includes('ZodError') || names.includes('$ZodError')) return t('errors.invalidSheet')
  return t('errors.unexpected', { detail: nameOf(error) || typeof error })
}
