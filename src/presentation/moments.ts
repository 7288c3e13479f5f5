// When something happened, as a person says it: "il y a 2 min" for recent moments, the date itself for old ones
// or for dates a wrong clock put in the future (never "dans 2 912 113 j").
import { formatDay, formatRelative } from './format'
import type { Translate } from './translate'

/** Beyond this, "il y a 45 j" says less than the date. */
const RELATIVE_LIMIT_MS = 30 * 86_400_000
/** A clock a little ahead (another machine's) still reads "maintenant", not "dans 20 s". */
const FUTURE_TOLERANCE_MS = 60_000

export function formatMoment(date: Date, now: Date, t: Translate): string {
  const age = now.getTime() - date.getTime()
  if (Number.isNaN(age)) return ''
  if (age < -FUTURE_TOLERANCE_MS || age > RELATIVE_LIMIT_MS) return t('time.onDay', { date: formatDay(date) })
  return formatRelative(age < 0 ? now : date, now)
}
