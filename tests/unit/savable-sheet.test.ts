import { describe, expect, it } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { applyEdit, copyKeys, keysFor, type RowKeys, type SheetEdit } from '@/domain/sheet-edit'
import { savableSheet } from '@/domain/savable-sheet'

/** A stored sheet and a working copy of it, edited through the domain's own edits. */
function session(prepare?: (sheet: Sheet) => void) {
  const stored = createSheet({ title: 'Mobilité rurale', organisation: 'Département du Gers' })
  prepare?.(stored)
  const storedKeys = keysFor(stored)
  const draft = structuredClone(stored)
  const keys: RowKeys = copyKeys(storedKeys)
  return {
    stored,
    storedKeys,
    draft,
    keys,
    edit: (change: SheetEdit) => applyEdit(draft, keys, change),
    savable: () => savableSheet(draft, keys, stored, storedKeys),
  }
}

describe('savableSheet', () => {
  it('takes a valid working copy as it is', () => {
    const s = session()
    s.edit({ kind: 'field', path: 'author', value: 'Camille' })
    s.edit({ kind: 'score', theme: 'rgpd', axis: 'prototype', value: 3 })
    const { sheet } = s.savable()
    expect(sheet.author).toBe('Camille')
    expect(sheet.radar.rgpd.prototype).toBe(3)
  })

  it('leaves out an empty row nobody has filled in, and keeps every other edit', () => {
    const s = session()
    s.edit({ kind: 'add-row', list: 'project.objectives' })
    s.edit({ kind: 'field', path: 'project.title', value: 'Transport à la demande' })
    s.edit({ kind: 'score', theme: 'cybersecurite', axis: 'prototype', value: 4 })
    const { sheet, keys } = s.savable()
    expect(sheet.project.title).toBe('Transport à la demande')
    expect(sheet.radar.cybersecurite.prototype).toBe(4)
    expect(sheet.project.objectives).toEqual([])
    expect(keys['project.objectives']).toEqual([])
  })

  it('keeps the last valid value of an invalid field and stores the rest', () => {
    const s = session()
    s.edit({ kind: 'field', path: 'project.title', value: '   ' })
    s.edit({ kind: 'field', path: 'author', value: 'Camille' })
    const { sheet } = s.savable()
    expect(sheet.project.title).toBe('Mobilité rurale')
    expect(sheet.author).toBe('Camille')
  })

  it('keeps a stored row whose field became invalid, with its other fields as they were', () => {
    const s = session((sheet) => {
      sheet.project.calendar.milestones = [{ label: 'Comité de pilotage', date: '2026-03-01' }]
    })
    s.edit({ kind: 'row-field', list: 'project.calendar.milestones', index: 0, field: 'label', value: '' })
    s.edit({ kind: 'row-field', list: 'project.calendar.milestones', index: 0, field: 'date', value: '2026-04-01' })
    s.edit({ kind: 'field', path: 'author', value: 'Camille' })
    const { sheet } = s.savable()
    expect(sheet.project.calendar.milestones).toEqual([{ label: 'Comité de pilotage', date: '2026-04-01' }])
    expect(sheet.author).toBe('Camille')
  })

  it('follows rows through moves: the invalid row falls back to its own stored version, not its neighbour', () => {
    const s = session((sheet) => {
      sheet.project.objectives = ['Premier', 'Second']
    })
    s.edit({ kind: 'move-row', list: 'project.objectives', from: 1, to: 0 })
    s.edit({ kind: 'row', list: 'project.objectives', index: 1, value: '' })
    expect(s.savable().sheet.project.objectives).toEqual(['Second', 'Premier'])
  })

  it('leaves out a new row that is not valid, and keeps it in the working copy', () => {
    const s = session()
    s.edit({ kind: 'add-row', list: 'project.stakeholders' })
    s.edit({ kind: 'row-field', list: 'project.stakeholders', index: 0, field: 'organisation', value: 'Nîmes Métropole' })
    s.edit({ kind: 'add-row', list: 'project.stakeholders' })
    s.edit({ kind: 'row-field', list: 'project.stakeholders', index: 1, field: 'name', value: 'Agence de l’eau' })
    const { sheet, keys } = s.savable()
    expect(sheet.project.stakeholders.map((row) => row.name)).toEqual(['Agence de l’eau'])
    expect(keys['project.stakeholders']).toEqual([s.keys['project.stakeholders'][1]])
    expect(s.draft.project.stakeholders).toHaveLength(2)
  })

  it('puts back the dates of a calendar that ends before it starts', () => {
    const s = session((sheet) => {
      sheet.project.calendar.start = '2026-01-01'
      sheet.project.calendar.end = '2026-12-31'
    })
    s.edit({ kind: 'field', path: 'project.calendar.start', value: '2027-06-01' })
    s.edit({ kind: 'field', path: 'project.impact.notes', value: 'Mesure trimestrielle' })
    const { sheet } = s.savable()
    expect(sheet.project.calendar).toMatchObject({ start: '2026-01-01', end: '2026-12-31' })
    expect(sheet.project.impact.notes).toBe('Mesure trimestrielle')
  })

  it('refuses a negative amount and keeps the stored one', () => {
    const s = session((sheet) => {
      sheet.project.budget.total = 45000
    })
    s.edit({ kind: 'field', path: 'project.budget.total', value: -5 })
    expect(s.savable().sheet.project.budget.total).toBe(45000)
  })
})
