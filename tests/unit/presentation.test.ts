// The presentation layer: what people read, the same on every screen, from the real French messages.
import { describe, expect, it } from 'vitest'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import { describeError, isStaleCodeError } from '@/presentation/error-message'
import { bandName, indicatorRow, indicatorRows } from '@/presentation/indicators'
import { axisName, scaleLevels, scoreText } from '@/presentation/scores'
import { testTranslate } from '../i18n'

type Row = (number | null)[]

function radarOf(prototype: Row, scaleUp: Row): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const { t } = testTranslate()
const plain = (text: string | undefined) => (text ?? '').replace(/\u202f|\u00a0/g, ' ')

describe('indicatorRows', () => {
  it('words the indicators of a mixed sheet, with the band as an id and in words', () => {
    const rows = indicatorRows(radarOf([1, 2, 3, 0, 4, 2, 1, 3, 0, 2], [0, 1, 2, 1, 0, 3, 2, 2, 1, 0]), t)
    expect(rows.map((row) => row.id)).toEqual(['difficulties', 'difficultyIndex', 'scaleUpProbability', 'blockers', 'assessed'])
    expect(rows.map((row) => [row.label, plain(row.value)])).toEqual([
      ['Difficultés à surmonter (prototype)', '3 thèmes difficiles'],
      ['Indice de difficulté', '45 %'],
      ['Probabilité de passage à l’échelle', '70 % — élevée'],
      ['Points bloquants', 'Cybersécurité'],
      ['Thèmes évalués', 'Difficulté pour le prototype : 10/10 · frein au passage à l’échelle : 10/10'],
    ])
    expect(indicatorRow(rows, 'scaleUpProbability').band).toBe('high')
    expect(indicatorRow(rows, 'assessed').note).toBe('Radar complet')
    expect(indicatorRow(rows, 'blockers').items).toEqual(['Cybersécurité'])
  })

  it('explains a capped probability and names the theme that caps it', () => {
    const rows = indicatorRows(radarOf(Array(10).fill(0), [4, 0, 0, 0, 0, 0, 0, 0, 0, 0]), t)
    const probability = indicatorRow(rows, 'scaleUpProbability')
    expect(plain(probability.value)).toBe('25 % — faible')
    expect(plain(probability.note)).toBe(
      'Plafonnée à 25 % : un frein critique au passage à l’échelle subsiste (Datamining).',
    )
  })

  it('says « non évalué » rather than 0 or 0 % when nothing is scored', () => {
    const rows = indicatorRows(radarOf([], []), t)
    expect(indicatorRow(rows, 'difficulties').value).toBe('non évalué')
    expect(indicatorRow(rows, 'difficultyIndex').value).toBe('non évalué')
    expect(indicatorRow(rows, 'scaleUpProbability').value).toBe('non évalué')
    expect(indicatorRow(rows, 'blockers').value).toBe('Aucun thème noté 4 (Critique)')
  })
})

describe('plural forms', () => {
  it('words counts with their unit, in the singular and the plural', () => {
    const difficulties = (count: number) =>
      indicatorRow(indicatorRows(radarOf([...Array(count).fill(4), ...Array(10 - count).fill(0)], []), t), 'difficulties').value
    expect(difficulties(0)).toBe('aucun thème difficile')
    expect(difficulties(1)).toBe('1 thème difficile')
    expect(difficulties(3)).toBe('3 thèmes difficiles')
    const partial = (count: number) =>
      plain(indicatorRow(indicatorRows(radarOf([], Array(count).fill(2)), t), 'scaleUpProbability').value)
    expect(partial(1)).toBe('50 % — moyenne, sur 1 thème évalué')
    expect(partial(3)).toBe('50 % — moyenne, sur 3 thèmes évalués')
    expect(partial(10)).toBe('50 % — moyenne')
  })

  it('words an import summary without « (s) »', () => {
    expect(t('exchange.summaryAdded', { n: 0 }, 0)).toBe('aucune fiche ajoutée')
    expect(t('exchange.summaryAdded', { n: 1 }, 1)).toBe('1 fiche ajoutée')
    expect(t('exchange.summaryAdded', { n: 4 }, 4)).toBe('4 fiches ajoutées')
    expect(t('exchange.summarySkipped', { n: 2 }, 2)).toBe('2 ignorées')
  })
})

describe('score, axis and band names', () => {
  it('have one wording each, from the locale', () => {
    expect(scaleLevels(t).map((level) => `${level.score} ${level.name}`)).toEqual([
      '0 Aucun',
      '1 Faible',
      '2 Modéré',
      '3 Fort',
      '4 Critique',
    ])
    expect(scoreText(3, t)).toBe('3 — Fort')
    expect(scoreText(null, t)).toBe('Non évalué')
    expect(axisName('scaleUp', t)).toBe('Frein au passage à l’échelle')
    expect([bandName('high', t), bandName('medium', t), bandName('low', t)]).toEqual(['élevée', 'moyenne', 'faible'])
  })
})

describe('describeError', () => {
  it('turns any caught error into a French sentence, never its raw message', () => {
    const quota = Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })
    expect(describeError(quota, t)).toBe('L’espace de stockage de ce navigateur est plein.')
    expect(describeError(new DOMException('x', 'DataCloneError'), t)).toContain('trop volumineuses')
    expect(describeError(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }), t)).toContain('Rechargez la page')
    expect(describeError(new DOMException('no', 'NotAllowedError'), t)).toBe('Le navigateur a refusé cette opération.')
    const zodDump = Object.assign(new Error('[{"code":"too_small","minimum":1}]'), { name: 'ZodError' })
    expect(describeError(zodDump, t)).toBe('La fiche contient un champ non valide.')
    expect(describeError(new TypeError('x is undefined'), t)).toBe('Une erreur inattendue s’est produite (TypeError).')
    expect(describeError('a string', t)).toBe('Une erreur inattendue s’est produite (string).')
    for (const error of [quota, zodDump, new TypeError('x is undefined')]) expect(describeError(error, t)).not.toContain(error.message)
  })

  it('says a new version is installed when a piece of this page’s code is gone, as each browser words it', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://localhost/assets/exchange-1a2b3c.js',
      'Importing a module script failed.',
      'error loading dynamically imported module: http://localhost/assets/exchange-1a2b3c.js',
    ]) {
      expect(isStaleCodeError(new TypeError(message)), message).toBe(true)
      expect(describeError(new TypeError(message), t)).toBe(
        'Une nouvelle version de l’application a été installée, et cette page utilise encore l’ancienne : rechargez-la pour continuer. Votre saisie est conservée.',
      )
    }
    expect(isStaleCodeError(new TypeError('x is undefined'))).toBe(false)
    expect(isStaleCodeError(new Error('Failed to fetch dynamically imported module'))).toBe(false)
  })
})
