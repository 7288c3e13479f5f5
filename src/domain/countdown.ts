// The presentation mode's timers: a restitution timer (each team presents its sheet) and a preparation timer (the
// teams fill their sheets in). Pure state transitions: the caller passes the clock (performance.now() or Date.now(),
// in milliseconds) so that the timer is tested without waiting and never drifts with the rhythm of the redraws.

export const RESTITUTION_MINUTES = 3
export const PREPARATION_MINUTES = 20

export interface Countdown {
  readonly durationMs: number
  /**
   * Time left when last paused or reset. It goes below 0 only when the timer was paused after reaching zero: the
   * overtime then stays on screen while paused, so the room still sees how late the presentation ran.
   */
  readonly leftAtPauseMs: number
  /** Clock value when it was started, null while paused. */
  readonly runningSince: number | null
}

/** A paused timer showing its full duration; a negative or non-finite duration counts as 0. */
export function createCountdown(durationMs: number): Countdown {
  const duration = Number.isFinite(durationMs) ? Math.max(0, durationMs) : 0
  return { durationMs: duration, leftAtPauseMs: duration, runningSince: null }
}

/** Time left, signed: negative once past zero. The one place the clock is read against the state. */
function signedLeftMs(countdown: Countdown, now: number): number {
  if (countdown.runningSince === null) return countdown.leftAtPauseMs
  return countdown.leftAtPauseMs - (now - countdown.runningSince)
}

export function isRunning(countdown: Countdown): boolean {
  return countdown.runningSince !== null
}

/** Time left, never below 0. */
export function remainingMs(countdown: Countdown, now: number): number {
  return Math.max(0, signedLeftMs(countdown, now))
}

/** How long the timer has run past zero (0 before), so "time is up" can say by how much. */
export function overtimeMs(countdown: Countdown, now: number): number {
  return Math.max(0, -signedLeftMs(countdown, now))
}

export function isFinished(countdown: Countdown, now: number): boolean {
  return remainingMs(countdown, now) === 0
}

/** Starts or resumes; does nothing when already running or when no time is left (reset it first). */
export function startCountdown(countdown: Countdown, now: number): Countdown {
  if (isRunning(countdown) || isFinished(countdown, now)) return countdown
  return { ...countdown, runningSince: now }
}

/** Freezes the time left (or the overtime); does nothing when already paused. */
export function pauseCountdown(countdown: Countdown, now: number): Countdown {
  if (!isRunning(countdown)) return countdown
  return { ...countdown, leftAtPauseMs: signedLeftMs(countdown, now), runningSince: null }
}

/** The single start/pause button. */
export function toggleCountdown(countdown: Countdown, now: number): Countdown {
  return isRunning(countdown) ? pauseCountdown(countdown, now) : startCountdown(countdown, now)
}

/** Paused, with the full duration back. */
export function resetCountdown(countdown: Countdown): Countdown {
  return createCountdown(countdown.durationMs)
}

/** A new duration (the facilitator changed the minutes): the timer is reset to it, paused. */
export function withDuration(countdown: Countdown, durationMs: number): Countdown {
  return resetCountdown({ ...countdown, durationMs })
}
