import { describe, expect, it } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import {
  applyEdit,
  isBlankRow,
  keysFit,
  keysFor,
  listAt,
  locateInList,
  newRow,
  pairKeys,
  renumberKeys,
  type RowKeys,
} from '@/domain/sheet-edit'

function sheetWith(objectives: string[]): { sheet: Sheet; keys: RowKeys } {
  const sheet = createSheet({ title: 'Mobilité rurale' })
  sheet.project.objectives = objectives
  return { sheet, keys: keysFor(sheet) }
}

describe('applyEdit', () => {
  it('sets a field by its path, and a legal topic by its own', () => {
    const { sheet, keys } = sheetWith([])
    applyEdit(sheet, keys, { kind: 'field', path: 'project.calendar.start', value: '2026-03-01' })
    applyEdit(sheet, keys, { kind: 'field', path: 'data.legal.rgpd.status', value: 'en-cours' })
    applyEdit(sheet, keys, { kind: 'field', path: 'organisation', value: 'Département du Gers' })
    expect(sheet.project.calendar.start).toBe('2026-03-01')
    expect(sheet.data.legal.rgpd.status).toBe('en-cours')
    expect(sheet.organisation).toBe('Département du Gers')
  })

  it('adds an empty row with a new key, and rows given as they are', () => {
    const { sheet, keys } = sheetWith(['A'])
    applyEdit(sheet, keys, { kind: 'add-row', list: 'project.stakeholders' })
    applyEdit(sheet, keys, { kind: 'add-row', list: 'tags', row: 'atelier' })
    expect(sheet.project.stakeholders).toEqual([newRow('project.stakeholders')])
    expect(sheet.tags).toEqual(['atelier'])
    expect(keys['project.stakeholders']).toHaveLength(1)
    expect(keys['project.stakeholders'][0]).not.toBe(keys['project.objectives'][0])
  })

  it('moves rows with their keys, keeping each row the same object', () => {
    const { sheet, keys } = sheetWith(['A', 'B', 'C'])
    sheet.project.stakeholders = ['X', 'Y'].map((name) => ({ name, organisation: '', role: 'partenaire', internal: false }))
    keys['project.stakeholders'] = [10, 11]
    const first = sheet.project.stakeholders[0]
    const [a, b, c] = keys['project.objectives']
    applyEdit(sheet, keys, { kind: 'move-row', list: 'project.objectives', from: 2, to: 0 })
    applyEdit(sheet, keys, { kind: 'move-row', list: 'project.stakeholders', from: 0, to: 1 })
    expect(sheet.project.objectives).toEqual(['C', 'A', 'B'])
    expect(keys['project.objectives']).toEqual([c, a, b])
    expect(sheet.project.stakeholders[1]).toBe(first)
    expect(keys['project.stakeholders']).toEqual([11, 10])
  })

  it('removes a row with its key and puts both back where they were', () => {
    const { sheet, keys } = sheetWith(['A', 'B', 'C'])
    const before = [...keys['project.objectives']]
    const removed = applyEdit(sheet, keys, { kind: 'remove-row', list: 'project.objectives', index: 1 })
    expect(sheet.project.objectives).toEqual(['A', 'C'])
    expect(removed).toEqual({ row: 'B', key: before[1] })
    applyEdit(sheet, keys, { kind: 'insert-row', list: 'project.objectives', index: 1, ...removed! })
    expect(sheet.project.objectives).toEqual(['A', 'B', 'C'])
    expect(keys['project.objectives']).toEqual(before)
  })

  it('ignores moves and removals outside the list', () => {
    const { sheet, keys } = sheetWith(['A'])
    applyEdit(sheet, keys, { kind: 'move-row', list: 'project.objectives', from: 0, to: 3 })
    expect(applyEdit(sheet, keys, { kind: 'remove-row', list: 'project.objectives', index: 4 })).toBeUndefined()
    expect(sheet.project.objectives).toEqual(['A'])
  })

  it('sets row fields, text rows, scores and comments', () => {
    const { sheet, keys } = sheetWith(['A'])
    applyEdit(sheet, keys, { kind: 'add-row', list: 'data.datasets' })
    applyEdit(sheet, keys, { kind: 'row-field', list: 'data.datasets', index: 0, field: 'name', value: 'Comptages' })
    applyEdit(sheet, keys, { kind: 'row', list: 'project.objectives', index: 0, value: 'Réduire l’autosolisme' })
    applyEdit(sheet, keys, { kind: 'score', theme: 'rgpd', axis: 'scaleUp', value: 4 })
    applyEdit(sheet, keys, { kind: 'comment', theme: 'rgpd', text: 'Données de localisation' })
    expect(sheet.data.datasets[0]?.name).toBe('Comptages')
    expect(sheet.project.objectives).toEqual(['Réduire l’autosolisme'])
    expect(sheet.radar.rgpd).toEqual({ prototype: null, scaleUp: 4, comment: 'Données de localisation' })
  })
})

describe('rows and keys', () => {
  it('calls a row blank while every text is blank and every other value its default', () => {
    expect(isBlankRow('project.objectives', '  ')).toBe(true)
    expect(isBlankRow('project.stakeholders', newRow('project.stakeholders'))).toBe(true)
    expect(isBlankRow('project.stakeholders', { ...newRow('project.stakeholders'), role: 'financeur' })).toBe(false)
    expect(isBlankRow('project.budget.lines', { label: '', amount: 1200 })).toBe(false)
    expect(isBlankRow('project.calendar.milestones', { label: ' ', date: null })).toBe(true)
  })

  it('finds the list, row and field a path lies in', () => {
    expect(locateInList(['project', 'calendar', 'milestones', 2, 'label'])).toEqual({
      list: 'project.calendar.milestones',
      index: 2,
      rest: ['label'],
    })
    expect(locateInList(['project', 'objectives', '0'])).toEqual({ list: 'project.objectives', index: 0, rest: [] })
    expect(locateInList(['project', 'title'])).toBeNull()
    expect(locateInList(['project', 'objectives'])).toBeNull()
  })

  it('pairs the rows of an old draft with the stored rows: by position, else by identical content', () => {
    const stored = sheetWith(['A', 'B'])
    const sameLength = structuredClone(stored.sheet)
    sameLength.project.objectives = ['A edited', 'B']
    expect(pairKeys(sameLength, stored.sheet, stored.keys)['project.objectives']).toEqual(stored.keys['project.objectives'])
    const longer = structuredClone(stored.sheet)
    longer.project.objectives = ['new', 'B', 'A']
    const paired = pairKeys(longer, stored.sheet, stored.keys)['project.objectives']
    expect(paired[1]).toBe(stored.keys['project.objectives'][1])
    expect(paired[2]).toBe(stored.keys['project.objectives'][0])
    expect(stored.keys['project.objectives']).not.toContain(paired[0])
  })

  it('renumbers saved keys consistently across the draft and the stored sheet', () => {
    const { sheet, keys } = sheetWith(['A', 'B'])
    const stored = { ...keys, 'project.objectives': [keys['project.objectives'][1]!] }
    const [draftKeys, storedKeys] = renumberKeys(keys, stored)
    expect(storedKeys!['project.objectives'][0]).toBe(draftKeys!['project.objectives'][1])
    expect(draftKeys!['project.objectives']).not.toEqual(keys['project.objectives'])
    expect(keysFit(draftKeys, sheet)).toBe(true)
    expect(keysFit({ ...draftKeys, tags: [1] }, sheet)).toBe(false)
    expect(keysFit(undefined, sheet)).toBe(false)
    expect(listAt(sheet, 'project.objectives')).toBe(sheet.project.objectives)
  })
})
