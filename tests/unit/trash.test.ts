import { describe, expect, it } from 'vitest'
import { createSheet } from '@/domain/sheet'
import { TRASH_RETENTION_DAYS, trashCutoff, trashEntry, trashExpiry } from '@/domain/trash'

describe('the trash', () => {
  it('keeps a deleted sheet 30 days: the date the screen promises is the one the purge goes by', () => {
    expect(TRASH_RETENTION_DAYS).toBe(30)
    const deletedAt = '2026-12-04T10:00:00.000Z'
    expect(trashExpiry(deletedAt).toISOString()).toBe('2027-01-03T10:00:00.000Z')
    // Purged exactly when its expiry is reached, not a moment before.
    const cutoffAtExpiry = trashCutoff(trashExpiry(deletedAt)).toISOString()
    expect(cutoffAtExpiry).toBe(deletedAt)
    expect(deletedAt < trashCutoff(new Date(trashExpiry(deletedAt).getTime() + 1)).toISOString()).toBe(true)
  })

  it('lists what tells a deleted sheet apart, not the whole sheet', () => {
    const sheet = { ...createSheet({ title: 'Bennes à verre', organisation: 'Commune de Cozzano' }), author: 'Camille' }
    expect(trashEntry(sheet, '2026-12-04T10:00:00.000Z')).toEqual({
      id: sheet.id,
      title: 'Bennes à verre',
      organisation: 'Commune de Cozzano',
      author: 'Camille',
      deletedAt: '2026-12-04T10:00:00.000Z',
      updatedAt: sheet.updatedAt,
    })
  })
})
