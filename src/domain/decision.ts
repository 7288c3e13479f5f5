// How a sheet's decision changes: the decision in force gives way to a new one and, if it said something, joins the
// history (format v3). A person's choice in the editor and a committee's confirmed vote go through the same rule,
// so the history reads the same whichever way a case moved (« dépriorisé » → « en réserve » → « réactivé »).
import type { Decision, DecisionEntry } from './sheet'
import { hasVisibleText, LIMITS, type DecisionSource, type DecisionStatus } from './vocabulary'

export interface DecisionChange {
  status: DecisionStatus
  /** The day it was decided, yyyy-mm-dd. */
  day: string
  source: DecisionSource
  /** Why; left out when a person picks a status and writes the reason afterwards. */
  reason?: string
}

/** A decision says something once it has a status other than « à examiner »: only then is it worth keeping. */
function isDecided(decision: Pick<DecisionEntry, 'status'>): boolean {
  return decision.status !== 'a-examiner'
}

/**
 * A status a person picked and changes again the same day before writing any reason is a slip being corrected,
 * not a decision worth keeping (« Priorisé » chosen instead of « En réserve » in the list).
 */
function isSlip(current: DecisionEntry, change: DecisionChange): boolean {
  return (
    current.source === 'personne' &&
    change.source === 'personne' &&
    current.decidedAt === change.day &&
    !hasVisibleText(current.reason)
  )
}

function isSameDecision(current: DecisionEntry, change: DecisionChange): boolean {
  return (
    current.status === change.status &&
    current.source === change.source &&
    current.decidedAt === change.day &&
    (change.reason === undefined || change.reason === current.reason)
  )
}

function entryOf(decision: DecisionEntry): DecisionEntry {
  return { status: decision.status, reason: decision.reason, decidedAt: decision.decidedAt, source: decision.source }
}

/**
 * The decision after a change. A decided status moves to the history (oldest first, the oldest dropped beyond
 * LIMITS.decisionHistory) and the new one starts from the change alone. Replaced without a trace: « à examiner »,
 * which is not a decision (the reason a person may have written before choosing is kept), and a person's slip
 * (isSlip). The same decision again (same status, reason, day and source: a vote confirmed twice) changes nothing.
 */
export function changeDecision(current: Decision, change: DecisionChange): Decision {
  const history = current.history.map(entryOf)
  if (isSameDecision(current, change)) return { ...entryOf(current), history }
  if (!keepsInHistory(current, change))
    return {
      status: change.status,
      reason: change.reason ?? current.reason,
      // A date a person typed before choosing the status stays; a vote dates its decision with its own day.
      decidedAt: change.source === 'personne' && !isDecided(current) ? (current.decidedAt ?? change.day) : change.day,
      source: change.source,
      history,
    }
  return {
    status: change.status,
    reason: change.reason ?? '',
    decidedAt: change.day,
    source: change.source,
    history: [...history, entryOf(current)].slice(-LIMITS.decisionHistory),
  }
}

/** Whether a change would move the decision in force to the history (then « Annuler » is worth offering). */
export function keepsInHistory(current: DecisionEntry, change: DecisionChange): boolean {
  return isDecided(current) && !isSlip(current, change) && !isSameDecision(current, change)
}

/** Every decision of the sheet, the one in force first, then the earlier ones from the latest back. */
export function decisionTimeline(decision: Decision): { entry: DecisionEntry; current: boolean }[] {
  const earlier = [...decision.history].reverse().map((entry) => ({ entry, current: false }))
  return isDecided(decision) || decision.history.length > 0
    ? [{ entry: entryOf(decision), current: true }, ...earlier]
    : earlier
}
