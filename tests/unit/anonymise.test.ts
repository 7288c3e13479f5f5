import { describe, expect, it } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { withoutPersonNames, workshopWithoutNames, type NeutralNames } from '@/domain/anonymise'
import { neutralNames } from '@/presentation/neutral-names'
import { testTranslate } from '../i18n'

const names: NeutralNames = {
  author: 'Auteur (retiré)',
  facilitator: 'Animation (retirée)',
  stakeholder: (role, rank) => (rank === null ? `rôle ${role}` : `rôle ${role} ${rank}`),
}

function sheetWithPeople(): Sheet {
  const sheet = createSheet({ title: 'Observatoire des loyers', organisation: 'Métropole de Lyon', author: 'Camille Martin' })
  sheet.project.description = 'Piloté par Camille Martin avec la DGFiP.'
  sheet.project.stakeholders = [
    { name: 'Jeanne Roux', organisation: 'Métropole de Lyon', role: 'porteur', internal: true },
    { name: 'Paul Girard', organisation: 'DGFiP', role: 'fournisseur-donnees', internal: false },
    { name: 'Ali Benali', organisation: 'INSEE', role: 'fournisseur-donnees', internal: false },
  ]
  return sheet
}

describe('« sans les noms des personnes »', () => {
  it('replaces the author by a neutral label and each stakeholder’s name by its role, numbered when shared', () => {
    const anonymous = withoutPersonNames(sheetWithPeople(), names)
    expect(anonymous.author).toBe('Auteur (retiré)')
    expect(anonymous.project.stakeholders.map((stakeholder) => stakeholder.name)).toEqual([
      'rôle porteur',
      'rôle fournisseur-donnees 1',
      'rôle fournisseur-donnees 2',
    ])
  })

  it('keeps the organisations, the roles and the free text as they are (the option says so)', () => {
    const sheet = sheetWithPeople()
    const anonymous = withoutPersonNames(sheet, names)
    expect(anonymous.organisation).toBe('Métropole de Lyon')
    expect(anonymous.project.stakeholders.map((stakeholder) => stakeholder.organisation)).toEqual(['Métropole de Lyon', 'DGFiP', 'INSEE'])
    expect(anonymous.project.description).toBe('Piloté par Camille Martin avec la DGFiP.')
    expect({ ...anonymous, author: sheet.author, project: { ...anonymous.project, stakeholders: sheet.project.stakeholders } }).toEqual(sheet)
  })

  it('leaves an empty author empty, and never changes the sheet it is given', () => {
    const sheet = sheetWithPeople()
    sheet.author = ''
    const before = structuredClone(sheet)
    expect(withoutPersonNames(sheet, names).author).toBe('')
    expect(sheet).toEqual(before)
  })

  it('leaves a workshop’s facilitator out, and an empty one empty', () => {
    const block = { id: 'a', title: 'Atelier Santé', date: '2026-03-12', place: 'Lyon', facilitator: 'Anne Moreau' }
    expect(workshopWithoutNames(block, names)).toEqual({ ...block, facilitator: 'Animation (retirée)' })
    expect(workshopWithoutNames({ ...block, facilitator: '' }, names).facilitator).toBe('')
  })

  it('says it in French: the roles of the editor, numbered', () => {
    const anonymous = withoutPersonNames(sheetWithPeople(), neutralNames(testTranslate().t))
    expect(anonymous.author).toBe('Auteur ou autrice (nom retiré)')
    expect(anonymous.project.stakeholders.map((stakeholder) => stakeholder.name)).toEqual([
      'Porteur du projet',
      'Fournisseur de données 1',
      'Fournisseur de données 2',
    ])
  })
})
