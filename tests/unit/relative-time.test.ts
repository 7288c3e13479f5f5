import { describe, expect, it } from 'vitest'
import { formatRelative } from '@/composables/useRelativeTime'

const now = new Date('2026-11-25T10:00:00.000Z')
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('formatRelative', () => {
  it.each([
    [0, 'maintenant'],
    [2, 'il y a 2 s'],
    [90, 'il y a 1 min'],
    [150, 'il y a 2 min'],
    [3 * 3600, 'il y a 3 h'],
    [86_400, 'hier'],
    [3 * 86_400, 'il y a 3 j'],
  ])('says %i s ago as "%s"', (seconds, text) => {
    expect(formatRelative(before(seconds), now).replace(/\u202f|\u00a0/g, ' ')).toBe(text)
  })
})
