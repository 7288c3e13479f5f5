import { describe, expect, it } from 'vitest'
import { createTranslator, pluralIndex } from '@/i18n/translator'

const messages = {
  common: { yes: 'Oui', notAssessed: 'Non évalué' },
  library: {
    count: 'Aucune fiche | 1 fiche | {n} fiches',
    selectAll: 'Sélectionner la fiche | Tout sélectionner ({n} fiches)',
    filtered: '{shown} fiche sur {total} | {shown} fiche sur {total} | {shown} fiches sur {total}',
    updated: 'Modifiée {when}',
  },
  personal: { oui: '@:common.yes', status: 'Statut : @:common.notAssessed.' },
  loop: { a: '@:loop.b', b: '@:loop.a' },
}

describe('the translator', () => {
  const { t, te, add } = createTranslator(messages)

  it('looks messages up by dotted key and fills named values', () => {
    expect(t('library.updated', { when: 'hier' })).toBe('Modifiée hier')
    expect(t('library.updated')).toBe('Modifiée {when}')
    expect(te('library.updated')).toBe(true)
    expect(te('library')).toBe(false)
    expect(te('library.nothing')).toBe(false)
    expect(t('library.nothing')).toBe('library.nothing')
  })

  it('picks the plural form as the French messages are written, with {n} and {count} from the count', () => {
    expect([0, 1, 2, 10].map((n) => t('library.count', n))).toEqual(['Aucune fiche', '1 fiche', '2 fiches', '10 fiches'])
    expect([0, 1, 3].map((n) => t('library.selectAll', { n }, n))).toEqual([
      'Tout sélectionner (0 fiches)',
      'Sélectionner la fiche',
      'Tout sélectionner (3 fiches)',
    ])
    expect(t('library.filtered', { shown: 4, total: 9 }, 4)).toBe('4 fiches sur 9')
    expect(pluralIndex(-1, 3)).toBe(1)
    expect(pluralIndex(5, 2)).toBe(1)
  })

  it('follows links to other messages, inside text too, and stops on a loop', () => {
    expect(t('personal.oui')).toBe('Oui')
    expect(t('personal.status')).toBe('Statut : Non évalué.')
    expect(t('loop.a')).toMatch(/@:loop\./)
  })

  it('takes more messages later, merged key by key', () => {
    add({ library: { later: 'Plus tard' } })
    expect(t('library.later')).toBe('Plus tard')
    expect(t('library.updated', { when: 'hier' })).toBe('Modifiée hier')
  })
})
