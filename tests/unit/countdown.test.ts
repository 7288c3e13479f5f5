import { describe, expect, it } from 'vitest'
import {
  createCountdown,
  isFinished,
  isRunning,
  overtimeMs,
  pauseCountdown,
  PREPARATION_MINUTES,
  remainingMs,
  resetCountdown,
  RESTITUTION_MINUTES,
  startCountdown,
  toggleCountdown,
  withDuration,
} from '@/domain/countdown'
import { formatCountdown, spokenCountdown } from '@/presentation/countdown-text'

const MINUTE = 60_000
const threeMinutes = () => createCountdown(RESTITUTION_MINUTES * MINUTE)

describe('countdown defaults', () => {
  it('gives 3 minutes to a restitution and 20 to the preparation', () => {
    expect(RESTITUTION_MINUTES).toBe(3)
    expect(PREPARATION_MINUTES).toBe(20)
  })

  it('starts paused with its full duration', () => {
    const countdown = threeMinutes()
    expect(isRunning(countdown)).toBe(false)
    expect(remainingMs(countdown, 123_456)).toBe(180_000)
    expect(isFinished(countdown, 123_456)).toBe(false)
  })

  it('treats a negative or non-finite duration as none', () => {
    expect(createCountdown(-5).durationMs).toBe(0)
    expect(createCountdown(Number.NaN).durationMs).toBe(0)
    expect(isFinished(createCountdown(0), 0)).toBe(true)
  })
})

describe('start, pause and resume', () => {
  it('counts down from the moment it was started, whatever the clock reads', () => {
    const countdown = startCountdown(threeMinutes(), 10_000)
    expect(isRunning(countdown)).toBe(true)
    expect(remainingMs(countdown, 10_000)).toBe(180_000)
    expect(remainingMs(countdown, 70_000)).toBe(120_000)
  })

  it('adds up the running time across several pauses and ignores the time spent paused', () => {
    let countdown = startCountdown(threeMinutes(), 1_000)
    countdown = pauseCountdown(countdown, 31_000) // ran 30 s
    expect(remainingMs(countdown, 500_000)).toBe(150_000)
    countdown = startCountdown(countdown, 600_000)
    countdown = pauseCountdown(countdown, 645_000) // ran 45 s
    expect(remainingMs(countdown, 700_000)).toBe(105_000)
    countdown = startCountdown(countdown, 800_000)
    expect(remainingMs(countdown, 800_250.5)).toBeCloseTo(104_749.5)
    countdown = pauseCountdown(countdown, 860_000) // ran 60 s
    expect(remainingMs(countdown, 10_000_000)).toBe(45_000)
    expect(isRunning(countdown)).toBe(false)
  })

  it('does nothing when started twice or paused twice', () => {
    const running = startCountdown(threeMinutes(), 0)
    expect(startCountdown(running, 50_000)).toBe(running)
    const paused = pauseCountdown(running, 20_000)
    expect(pauseCountdown(paused, 90_000)).toBe(paused)
    expect(remainingMs(paused, 90_000)).toBe(160_000)
  })

  it('toggles between running and paused', () => {
    let countdown = toggleCountdown(threeMinutes(), 0)
    expect(isRunning(countdown)).toBe(true)
    countdown = toggleCountdown(countdown, 10_000)
    expect(isRunning(countdown)).toBe(false)
    expect(remainingMs(countdown, 99_000)).toBe(170_000)
    countdown = toggleCountdown(countdown, 100_000)
    expect(isRunning(countdown)).toBe(true)
    expect(remainingMs(countdown, 105_000)).toBe(165_000)
  })
})

describe('reaching zero', () => {
  it('never shows less than nothing left, and says how late it runs', () => {
    const countdown = startCountdown(threeMinutes(), 0)
    expect(remainingMs(countdown, 179_999)).toBe(1)
    expect(overtimeMs(countdown, 179_999)).toBe(0)
    expect(isFinished(countdown, 179_999)).toBe(false)
    expect(remainingMs(countdown, 180_000)).toBe(0)
    expect(isFinished(countdown, 180_000)).toBe(true)
    expect(overtimeMs(countdown, 180_000)).toBe(0)
    expect(remainingMs(countdown, 222_000)).toBe(0)
    expect(overtimeMs(countdown, 222_000)).toBe(42_000)
    expect(overtimeMs(countdown, 300_000)).toBe(120_000)
  })

  it('has no overtime while time is left, running or paused', () => {
    const countdown = startCountdown(threeMinutes(), 0)
    expect(overtimeMs(countdown, 60_000)).toBe(0)
    expect(overtimeMs(pauseCountdown(countdown, 60_000), 900_000)).toBe(0)
  })

  it('keeps the overtime on screen when paused after zero', () => {
    const paused = pauseCountdown(startCountdown(threeMinutes(), 0), 200_000)
    expect(remainingMs(paused, 900_000)).toBe(0)
    expect(overtimeMs(paused, 900_000)).toBe(20_000)
    expect(isFinished(paused, 900_000)).toBe(true)
  })

  it('cannot be started again once finished, until reset', () => {
    const finished = pauseCountdown(startCountdown(threeMinutes(), 0), 200_000)
    expect(startCountdown(finished, 300_000)).toBe(finished)
    expect(toggleCountdown(finished, 300_000)).toBe(finished)
    const again = startCountdown(resetCountdown(finished), 300_000)
    expect(remainingMs(again, 310_000)).toBe(170_000)
  })
})

describe('reset and duration', () => {
  it('resets to the full duration, paused, from any state', () => {
    const running = startCountdown(threeMinutes(), 0)
    const reset = resetCountdown(running)
    expect(isRunning(reset)).toBe(false)
    expect(remainingMs(reset, 500_000)).toBe(180_000)
    expect(overtimeMs(resetCountdown(pauseCountdown(running, 999_000)), 999_000)).toBe(0)
    expect(resetCountdown(running)).toEqual(threeMinutes())
  })

  it('takes a new duration and resets to it', () => {
    const running = startCountdown(threeMinutes(), 0)
    const preparation = withDuration(running, PREPARATION_MINUTES * MINUTE)
    expect(preparation).toEqual({ durationMs: 1_200_000, leftAtPauseMs: 1_200_000, runningSince: null })
    expect(remainingMs(resetCountdown(preparation), 0)).toBe(1_200_000)
  })
})

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1_000, '0:01'],
    [1_001, '0:02'],
    [59_000, '0:59'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [179_200, '3:00'],
    [178_999, '2:59'],
    [180_000, '3:00'],
    [1_200_000, '20:00'],
  ])('writes %d ms as « %s »', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text)
  })

  it('shows « 0:00 » only once finished', () => {
    const countdown = startCountdown(threeMinutes(), 0)
    expect(formatCountdown(remainingMs(countdown, 179_999.5))).toBe('0:01')
    expect(formatCountdown(remainingMs(countdown, 180_000))).toBe('0:00')
  })
})

describe('spokenCountdown', () => {
  it('splits the time shown into minutes and seconds, rounded up as on screen', () => {
    expect(spokenCountdown(180_000)).toEqual({ minutes: 3, seconds: 0 })
    expect(spokenCountdown(179_001)).toEqual({ minutes: 3, seconds: 0 })
    expect(spokenCountdown(178_999)).toEqual({ minutes: 2, seconds: 59 })
    expect(spokenCountdown(999)).toEqual({ minutes: 0, seconds: 1 })
    expect(spokenCountdown(0)).toEqual({ minutes: 0, seconds: 0 })
    expect(spokenCountdown(1_200_000)).toEqual({ minutes: 20, seconds: 0 })
  })
})
