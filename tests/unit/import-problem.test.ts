import { describe, expect, it } from 'vitest'
import { testTranslate } from '../i18n'
import { describeField, describeImportProblem } from '@/presentation/import-problem'
import type { ImportProblem } from '@/domain/exchange'

const { t, te } = testTranslate()
const field = (path: string) => describeField(path, t, te)
const describeProblem = (problem: ImportProblem) => describeImportProblem(problem, t, te)

describe('describeField', () => {
  it.each([
    ['project.title', 'le titre'],
    ['radar.cybersecurite.prototype', 'la note « Difficulté pour le prototype » du thème Cybersécurité'],
    ['radar.rgpd.scaleUp', 'la note « Frein au passage à l’échelle » du thème RGPD'],
    ['radar.environnement', 'le thème Environnement du radar'],
    ['project.calendar.milestones.1.label', 'l’intitulé du jalon 2'],
    ['data.datasets.0.access', 'les modalités d’accès du jeu de données 1'],
    ['data.legal.rgpd.status', 'le statut de l’enjeu « Données personnelles (RGPD) »'],
    ['tags.4', 'l’étiquette 5'],
    ['project.shortLabel', 'le nom court'],
    ['decision.source', 'l’origine de la décision'],
    ['decision.history.1.status', 'le statut de la décision précédente 2'],
    ['project.calendar.milestones.0.unknownKey', 'le jalon 1'],
    ['somethingElse.deep', 'un champ de la fiche'],
  ])('names %s as "%s"', (path, text) => {
    expect(field(path)).toBe(text)
  })
})

describe('describeImportProblem', () => {
  it('names the sheet by number and title, the field in words and the rule', () => {
    expect(
      describeProblem({
        kind: 'sheet',
        sheetNumber: 3,
        sheetTitle: 'Mobilité rurale',
        issue: { path: 'radar.cybersecurite.prototype', code: 'score' },
      }),
    ).toBe(
      'Fiche 3 (« Mobilité rurale ») : la note « Difficulté pour le prototype » du thème Cybersécurité doit être un entier de 0 à 4 (ou vide si non évalué).',
    )
    expect(describeProblem({ kind: 'sheet', sheetNumber: 1, sheetTitle: null, issue: { path: 'project.title', code: 'required' } })).toBe(
      'Fiche 1 : le titre est obligatoire.',
    )
  })

  it('makes the verb agree with the field, and tells a missing value from a wrong one', () => {
    const sheet = (path: string, code: 'choice' | 'missing' | 'required') =>
      describeProblem({ kind: 'sheet', sheetNumber: 2, sheetTitle: 'Eau', issue: { path, code } })
    expect(sheet('data.datasets.0.access', 'choice')).toBe(
      'Fiche 2 (« Eau ») : les modalités d’accès du jeu de données 1 n’ont pas une valeur autorisée.',
    )
    expect(sheet('data.datasets.0.access', 'missing')).toBe(
      'Fiche 2 (« Eau ») : les modalités d’accès du jeu de données 1 manquent.',
    )
    expect(sheet('phase', 'choice')).toBe('Fiche 2 (« Eau ») : la phase n’a pas une valeur autorisée.')
    expect(sheet('phase', 'missing')).toBe('Fiche 2 (« Eau ») : la phase manque.')
    expect(sheet('project.budget.funding', 'required')).toBe('Fiche 2 (« Eau ») : les financements sont obligatoires.')
  })

  it('explains file-level refusals, including a newer format version and the size limit', () => {
    expect(describeProblem({ kind: 'newer-version', version: 2 })).toContain('version plus récente')
    expect(describeProblem({ kind: 'too-large', bytes: 60 * 1024 * 1024 }).replace(/\u00a0|\u202f/g, ' ')).toBe(
      'le fichier pèse 60 Mo ; la limite est de 50 Mo.',
    )
    expect(describeProblem({ kind: 'not-utf8' })).toContain('UTF-8')
    expect(describeProblem({ kind: 'png-corrupt' })).toContain('abîmée')
    expect(describeProblem({ kind: 'png-sheet-too-large' })).toContain('dépasse 50 Mo')
    expect(describeProblem({ kind: 'out-of-memory' })).toContain('mémoire')
    expect(describeProblem({ kind: 'not-json' })).toContain('n’est pas un fichier JSON')
  })
})
