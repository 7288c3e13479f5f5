// The method says where each part comes from: the workshop guide gives the 10 themes and names the two indicators;
// everything else (two scores, the scale, the threshold, the formulas, the cap, the bands, the rounding) is this
// app's choice, given with its reason; the guiding questions and the 0 / 4 meanings are the app's aids (docs/method.md).
import { describe, expect, it } from 'vitest'
import MethodPanel from '@/components/radar/MethodPanel.vue'
import ThemeAssessment from '@/components/radar/ThemeAssessment.vue'
import { METHOD_FIGURES } from '@/domain/grid'
import { mountWithI18n } from '../support/mount-helpers'
import { recordingScores } from '../support/sheet-editing-double'
import { THEMES } from '@/content/themes'

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

describe('the Méthode panel: the guide’s part and the app’s choices', () => {
  const panel = () => mountWithI18n(MethodPanel)

  it('credits the guide with the themes, their definitions and the two indicators it names, not their calculation', () => {
    const text = squash(panel().text())
    expect(text).toContain('Ce qui vient du guide, ce que l’application a choisi')
    expect(text).toContain('Du guide d’animation « Parcours data » viennent les 10 thèmes et leur définition')
    expect(text).toContain('le nombre de difficultés à surmonter pour construire le prototype')
    expect(text).toContain('la probabilité de passer du prototype à sa généralisation')
    expect(text).toContain('Le guide n’en donne pas le calcul.')
    expect(text).toContain('Tout le reste est un choix de méthode de l’application')
  })

  it('names each of the app’s method choices, one line each with its reason', () => {
    const choices = panel()
      .findAll('.method__choices li')
      .map((item) => squash(item.text()))
    const expected = [
      /^deux notes par thème \(prototype, passage à l’échelle\) : .+/,
      /^l’échelle de 0 à 4 et ses mots \(Aucun, Faible, Modéré, Fort, Critique\) : .+/,
      new RegExp(`^une difficulté à surmonter est une note de ${METHOD_FIGURES.difficultyFrom} ou plus : .+`),
      /^l’indice de difficulté : .+/,
      /^la probabilité, 100 % moins la moyenne des freins en pourcentage : .+/,
      new RegExp(`^le plafond de ${METHOD_FIGURES.criticalCap} % dès qu’un frein est noté ${METHOD_FIGURES.critical} : .+`),
      new RegExp(`^les tranches à ${METHOD_FIGURES.highFrom} % et ${METHOD_FIGURES.mediumFrom} % : .+`),
      /^l’arrondi \(valeurs en ,5 vers le haut, calcul sur des entiers\) : .+/,
    ]
    expect(choices).toHaveLength(expected.length)
    choices.forEach((choice, index) => expect(choice).toMatch(expected[index]!))
  })

  it('says the guiding questions and the 0 / 4 meanings are the app’s aids, not the guide’s', () => {
    expect(squash(panel().text())).toContain(
      'Les questions « Pour vous aider à noter » et ce que valent 0 et 4 sous chaque note sont aussi des aides de l’application : elles ne figurent pas dans le guide.',
    )
  })
})

describe('ThemeAssessment: the aids say whose they are', () => {
  it.each(THEMES.map((theme) => [theme.label, theme] as const))(
    '%s: a note under « Pour vous aider à noter » says the questions and the 0 / 4 meanings are the app’s',
    (_label, theme) => {
      const wrapper = mountWithI18n(ThemeAssessment, {
        props: { theme, assessment: { prototype: null, scaleUp: null, comment: '' } },
        global: { plugins: [recordingScores().plugin] },
      })
      const aids = wrapper.find('h4')
      expect(aids.text()).toBe('Pour vous aider à noter')
      const note = wrapper.find('h4 + p')
      expect(squash(note.text())).toBe(
        'Aides proposées par l’application, qui ne figurent pas dans le guide d’animation : les questions ci-dessous et, sous chaque note, ce que valent 0 et 4 pour ce thème.',
      )
      // The note stands between the heading and the questions, above both score groups.
      expect(note.element.nextElementSibling?.tagName).toBe('UL')
      expect(note.element.compareDocumentPosition(wrapper.find('fieldset').element)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      )
    },
  )
})
