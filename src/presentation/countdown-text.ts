// The presentation mode's timers as the room reads them (« 2:59 ») and as a screen reader says them.

/**
 * Whole seconds left, rounded up: with 2:59.2 left the timer still shows « 3:00 », and « 0:00 » appears only when
 * time is really up, never during the last second.
 */
function secondsShown(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 0
  return Math.ceil(ms / 1000)
}

/** Minutes and seconds for a sentence such as « 2 minutes 59 secondes restantes ». */
export function spokenCountdown(ms: number): { minutes: number; seconds: number } {
  const total = secondsShown(ms)
  return { minutes: Math.floor(total / 60), seconds: total % 60 }
}

/** « 3:00 », « 0:59 », « 20:00 »: minutes unpadded, seconds on two digits. */
export function formatCountdown(ms: number): string {
  const { minutes, seconds } = spokenCountdown(ms)
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}
