// The edit session on its own: plain data and functions, no Vue, no storage.
import { describe, expect, it } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { keysFor, takeSnapshot } from '@/domain/sheet-edit'
import {
  applySessionEdit,
  holdsMoreThan,
  isUnchanged,
  leaveRow,
  mergedSession,
  replacedWorkingCopy,
  resumedSession,
  savableSheetOf,
  sessionIssues,
  sessionOnStored,
  snapshotWorthOffering,
} from '@/domain/edit-session'

function storedSheet(): Sheet {
  const sheet = createSheet({ title: 'Mobilité rurale', organisation: 'Département du Gers' })
  sheet.project.objectives = ['Réduire les trajets à vide']
  sheet.project.stakeholders = [{ name: 'Service mobilité', organisation: 'Département', role: 'porteur', internal: true }]
  return sheet
}

describe('an edit session', () => {
  it('starts as a copy of the stored sheet: typing changes the working copy, never the base', () => {
    const stored = storedSheet()
    const session = sessionOnStored(stored)
    expect(session.working).toEqual(stored)
    expect(isUnchanged(session)).toBe(true)
    applySessionEdit(session, { kind: 'row-field', list: 'project.stakeholders', index: 0, field: 'name', value: 'DSI' })
    applySessionEdit(session, { kind: 'field', path: 'author', value: 'Camille' })
    expect(stored.project.stakeholders[0]!.name).toBe('Service mobilité')
    expect(session.base.author).not.toBe('Camille')
    expect(isUnchanged(session)).toBe(false)
    // Both copies start with the same row keys, in separate arrays.
    expect(session.keys).toEqual(session.baseKeys)
    applySessionEdit(session, { kind: 'add-row', list: 'project.objectives', row: 'Mesurer' })
    expect(session.keys['project.objectives']).toHaveLength(2)
    expect(session.baseKeys['project.objectives']).toHaveLength(1)
  })

  it('does not call an empty row just added an error until the person leaves it', () => {
    const session = sessionOnStored(storedSheet())
    applySessionEdit(session, { kind: 'add-row', list: 'project.stakeholders' })
    expect(sessionIssues(session)).toEqual([])
    leaveRow(session, 'project.stakeholders', 1)
    expect(sessionIssues(session).map((issue) => issue.path)).toContain('project.stakeholders.1.name')
    // A row added with content is never « fresh »: its problems show at once.
    applySessionEdit(session, { kind: 'add-row', list: 'project.territories', row: { name: ' ', code: 'x'.repeat(300) } })
    expect(sessionIssues(session).some((issue) => issue.path.startsWith('project.territories.0'))).toBe(true)
  })

  it('gives the savable sheet: valid edits kept, an invalid field at its stored value, a blank new row left out', () => {
    const session = sessionOnStored(storedSheet())
    applySessionEdit(session, { kind: 'field', path: 'author', value: 'Camille' })
    applySessionEdit(session, { kind: 'field', path: 'project.title', value: '   ' })
    applySessionEdit(session, { kind: 'add-row', list: 'project.objectives' })
    const { sheet, keys } = savableSheetOf(session)
    expect(sheet.author).toBe('Camille')
    expect(sheet.project.title).toBe('Mobilité rurale')
    expect(sheet.project.objectives).toEqual(['Réduire les trajets à vide'])
    expect(keys['project.objectives']).toEqual(session.baseKeys['project.objectives'])
    // The working copy keeps every keystroke.
    expect(session.working.project.title).toBe('   ')
    expect(holdsMoreThan(session.working, sheet)).toBe(true)
  })

  it('does not count a text differing by what validation tidies as something more to keep', () => {
    const stored = storedSheet()
    const working = structuredClone(stored)
    working.author = 'Camille '
    const tidied = structuredClone(stored)
    tidied.author = 'Camille'
    expect(holdsMoreThan(working, tidied)).toBe(false)
    expect(holdsMoreThan(working, stored)).toBe(true)
  })

  it('takes up a saved working copy with its own row keys when they fit, renumbered; by content otherwise', () => {
    const base = storedSheet()
    const draft = structuredClone(base)
    draft.project.objectives.unshift('Nouveau premier objectif')
    const savedKeys = { draft: { ...keysFor(draft), 'project.objectives': [7, 3] }, stored: { ...keysFor(base), 'project.objectives': [3] } }
    const resumed = resumedSession(draft, savedKeys, base)
    const [first, second] = resumed.keys['project.objectives']
    // The stored objective is the draft's second row, and renumbered keys are new to this page.
    expect(resumed.baseKeys['project.objectives']).toEqual([second])
    expect(first).not.toBe(second)
    expect([first, second]).not.toContain(7)
    // No keys saved (a draft from an older version): the identical row is paired with the stored one.
    const paired = resumedSession(draft, undefined, base)
    expect(paired.keys['project.objectives'][1]).toBe(paired.baseKeys['project.objectives'][0])
    expect(paired.keys['project.objectives'][0]).not.toBe(paired.baseKeys['project.objectives'][0])
  })

  it('puts unsaved edits from an older version on the same base, their rows all new', () => {
    const session = sessionOnStored(storedSheet())
    const older = structuredClone(session.base)
    older.author = 'Ancienne saisie'
    const replaced = replacedWorkingCopy(session, older)
    expect(replaced.working).toBe(older)
    expect(replaced.base).toBe(session.base)
    expect(replaced.keys['project.objectives'][0]).not.toBe(replaced.baseKeys['project.objectives'][0])
  })

  it('takes a merge on the other side’s version: its changed lists get their keys, and typing on changes nothing of theirs', () => {
    const session = sessionOnStored(storedSheet())
    applySessionEdit(session, { kind: 'field', path: 'author', value: 'Moi' })
    const theirs = structuredClone(session.base)
    theirs.project.objectives.push('Ajouté dans l’autre onglet')
    const merged = structuredClone(theirs)
    merged.author = 'Moi'
    // A merge may share rows with the other version.
    merged.project.stakeholders = theirs.project.stakeholders
    const next = mergedSession(session, merged, theirs)
    expect(next.base).toBe(theirs)
    expect(next.keys['project.objectives']).toEqual(next.baseKeys['project.objectives'])
    expect(next.baseKeys['project.objectives']).toHaveLength(2)
    // The list nobody else changed keeps its keys.
    expect(next.keys['project.stakeholders']).toEqual(session.keys['project.stakeholders'])
    applySessionEdit(next, { kind: 'row-field', list: 'project.stakeholders', index: 0, field: 'name', value: 'DSI' })
    expect(theirs.project.stakeholders[0]!.name).toBe('Service mobilité')
  })

  it('offers to keep the radar after a change of phase only when there is something new to keep', () => {
    const sheet = storedSheet()
    expect(snapshotWorthOffering(sheet, 'idee')).toBeNull()
    sheet.radar.rgpd.prototype = 3
    expect(snapshotWorthOffering(sheet, 'idee')).toBe('idee')
    sheet.snapshots.push(takeSnapshot(sheet, 'Idée'))
    expect(snapshotWorthOffering(sheet, 'idee')).toBeNull()
  })
})
