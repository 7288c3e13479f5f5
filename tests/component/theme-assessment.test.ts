import { describe, expect, it } from 'vitest'
import ThemeAssessment from '@/components/radar/ThemeAssessment.vue'

const themeById = (id: string) => THEMES.find((theme) => theme.id === id)!
import { LIMITS } from '@/domain/sheet'
import { mountWithI18n } from '../support/mount-helpers'
import { recordingScores } from '../support/sheet-editing-double'
import { THEMES } from '@/content/themes'

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

let recorded = recordingScores()

function mountTheme(assessment = { prototype: 2, scaleUp: null as number | null, comment: 'Capteurs exposés' }) {
  recorded = recordingScores()
  return mountWithI18n(ThemeAssessment, { props: { theme: themeById('cybersecurite'), assessment }, global: { plugins: [recorded.plugin] } })
}

describe('ThemeAssessment', () => {
  it('shows the theme number and label as a heading, then the workshop guide’s definition', () => {
    const wrapper = mountTheme()
    expect(squash(wrapper.find('h3').text())).toBe('5 Cybersécurité')
    expect(wrapper.find('h3 + p').text()).toBe(
      'L’expérimentation crée une difficulté ou est susceptible de créer une vulnérabilité cyber.',
    )
  })

  it.each(THEMES.map((theme) => [theme.label, theme] as const))(
    'shows %s’s definition, its questions under an aids heading and what 0 and 4 mean on each axis',
    (_label, theme) => {
      const wrapper = mountWithI18n(ThemeAssessment, {
        props: { theme, assessment: { prototype: null, scaleUp: null, comment: '' } },
        global: { plugins: [recordingScores().plugin] },
      })
      expect(wrapper.find('h3 + p').text()).toBe(theme.definition)
      const aids = wrapper.find('h4')
      expect(aids.text()).toBe('Pour vous aider à noter')
      const list = wrapper.find(`ul[aria-labelledby="${aids.attributes('id')}"]`)
      expect(list.findAll('li').map((item) => item.text())).toEqual([...theme.questions])

      const [prototype, scaleUp] = wrapper.findAll('fieldset')
      const endsOf = (group: typeof prototype) => {
        const description = wrapper.find(`#${CSS.escape(group!.attributes('aria-describedby') ?? '')}`)
        return description.findAll('span').map((line) => line.text())
      }
      expect(endsOf(prototype)).toEqual([
        `0 Aucun : ${theme.ends.prototype.none}`,
        `4 Critique : ${theme.ends.prototype.critical}`,
      ])
      expect(endsOf(scaleUp)).toEqual([
        `0 Aucun : ${theme.ends.scaleUp.none}`,
        `4 Critique : ${theme.ends.scaleUp.critical}`,
      ])
    },
  )

  it('has a score group for each axis, showing the current scores', () => {
    const wrapper = mountTheme()
    const legends = wrapper.findAll('legend').map((legend) => squash(legend.text()))
    expect(legends).toEqual([
      'Cybersécurité — Difficulté pour le prototype',
      'Cybersécurité — Frein au passage à l’échelle',
    ])
    const [prototype, scaleUp] = wrapper.findAll('fieldset')
    expect((prototype?.find('input:checked').element.parentElement?.textContent ?? '').replace(/\s+/g, ' ')).toContain(
      '2 Modéré',
    )
    expect(squash(scaleUp?.find('input:checked').element.parentElement?.textContent)).toBe('Non évalué')
  })

  it('reports the axis with the chosen score', async () => {
    const wrapper = mountTheme()
    const [prototype, scaleUp] = wrapper.findAll('fieldset')
    await scaleUp?.findAll('input[type="radio"]')[4]?.setValue(true)
    await prototype?.findAll('input[type="radio"]')[5]?.setValue(true)
    expect(recorded.scores).toEqual([
      ['cybersecurite', 'scaleUp', 4],
      ['cybersecurite', 'prototype', null],
    ])
  })

  it('has a labelled, bounded comment field with a hint', async () => {
    const wrapper = mountTheme()
    const textarea = wrapper.find('textarea')
    const label = wrapper.find(`label[for="${textarea.attributes('id')}"]`)
    expect(label.text()).toBe('Commentaire — Cybersécurité')
    expect(textarea.attributes('maxlength')).toBe(String(LIMITS.note))
    expect((textarea.element as HTMLTextAreaElement).value).toBe('Capteurs exposés')
    const hint = wrapper.find(`#${CSS.escape(textarea.attributes('aria-describedby') ?? '')}`)
    expect(hint.text()).toBe('Pourquoi cette note, ce qui la ferait baisser')

    await textarea.setValue('Audit du RSSI prévu')
    expect(recorded.comments).toEqual([['cybersecurite', 'Audit du RSSI prévu']])
  })
})
