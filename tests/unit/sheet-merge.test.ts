import { describe, expect, it } from 'vitest'
import { createSheet } from '@/domain/sheet'
import { changedFields, mergeSheets, settleConflicts } from '@/domain/sheet-merge'

function base() {
  const sheet = createSheet({ title: 'Mobilité rurale', organisation: 'Commune A' })
  sheet.project.objectives = ['Réduire l’autosolisme']
  return sheet
}

describe('merging two versions of a sheet against their common base', () => {
  it('keeps both sides’ edits of different fields, with no question', () => {
    const original = base()
    const mine = structuredClone(original)
    mine.author = 'Camille'
    mine.radar.rgpd.scaleUp = 3
    const theirs = structuredClone(original)
    theirs.organisation = 'Métropole B'
    theirs.radar.rgpd.prototype = 2
    theirs.updatedAt = '2026-12-04T10:00:00.000Z'
    const { merged, conflicts, fromTheirs } = mergeSheets(original, mine, theirs)
    expect(conflicts).toEqual([])
    expect(merged.author).toBe('Camille')
    expect(merged.organisation).toBe('Métropole B')
    expect(merged.radar.rgpd).toEqual({ prototype: 2, scaleUp: 3, comment: '' })
    expect(fromTheirs).toEqual(['organisation', 'radar.rgpd.prototype'])
    // Bookkeeping is never a conflict: the merged sheet is the newer write's.
    expect(merged.updatedAt).toBe('2026-12-04T10:00:00.000Z')
  })

  it('calls the same field changed differently on both sides a conflict, naming it, with both values', () => {
    const original = base()
    const mine = structuredClone(original)
    mine.author = 'Camille'
    mine.project.objectives.push('Desservir les hameaux')
    const theirs = structuredClone(original)
    theirs.author = 'Dominique'
    theirs.project.objectives = ['Réduire l’autosolisme', 'Relier la gare']
    const result = mergeSheets(original, mine, theirs)
    expect(result.conflicts).toEqual([
      { path: 'author', mine: 'Camille', theirs: 'Dominique' },
      { path: 'project.objectives', mine: ['Réduire l’autosolisme', 'Desservir les hameaux'], theirs: ['Réduire l’autosolisme', 'Relier la gare'] },
    ])
    // Until settled, mine stands; settled one way for all.
    expect(result.merged.author).toBe('Camille')
    expect(settleConflicts(result, 'theirs').author).toBe('Dominique')
    expect(settleConflicts(result, 'theirs').project.objectives).toEqual(['Réduire l’autosolisme', 'Relier la gare'])
    expect(settleConflicts(result, 'mine').author).toBe('Camille')
  })

  it('sees no conflict when both sides made the same change', () => {
    const original = base()
    const mine = structuredClone(original)
    mine.phase = 'prototype'
    const theirs = structuredClone(mine)
    expect(mergeSheets(original, mine, theirs).conflicts).toEqual([])
  })

  it('names what another tab changed', () => {
    const before = base()
    const after = structuredClone(before)
    after.data.legal.rgpd.notes = 'AIPD faite'
    after.updatedAt = '2026-12-04T10:00:00.000Z'
    expect(changedFields(before, after)).toEqual(['data.legal.rgpd.notes'])
  })
})
