import { describe, expect, it } from 'vitest'
import { backupReminderDue } from '@/domain/backup'

const now = new Date('2026-11-25T10:00:00.000Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('backupReminderDue', () => {
  it('suggests a backup when a change older than 7 days was never exported', () => {
    expect(backupReminderDue([daysAgo(8)], null, now)).toBe(true)
    expect(backupReminderDue([daysAgo(8)], daysAgo(10), now)).toBe(true)
  })

  it('stays quiet for recent changes, an empty library, or changes already exported', () => {
    expect(backupReminderDue([daysAgo(2)], null, now)).toBe(false)
    expect(backupReminderDue([], null, now)).toBe(false)
    expect(backupReminderDue([daysAgo(9)], daysAgo(8), now)).toBe(false)
  })
})
