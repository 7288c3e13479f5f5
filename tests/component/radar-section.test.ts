import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RadarChart from '@/components/radar/RadarChart.vue'
import RadarSection from '@/components/radar/RadarSection.vue'
import { DISCUSSION_GAP } from '@/domain/consensus'
import { METHOD_FIGURES } from '@/domain/grid'
import { createSheet, type Sheet } from '@/domain/sheet'
import { mountWithI18n } from '../support/mount-helpers'
import { recordingScores } from '../support/sheet-editing-double'
import { THEMES } from '@/content/themes'

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

function emptyRadar(): Sheet['radar'] {
  return createSheet({ title: 'Projet test', now: new Date('2024-01-01T00:00:00Z') }).radar
}

// Chart.js needs a real canvas: the chart is checked in the browser suite, here it is a stub.
let recorded = recordingScores()

function mountSection(radar = emptyRadar(), attachTo?: HTMLElement) {
  recorded = recordingScores()
  return mountWithI18n(RadarSection, { props: { radar }, attachTo, global: { stubs: { RadarChart: true }, plugins: [recorded.plugin] } })
}

function card(wrapper: ReturnType<typeof mountSection>, label: string) {
  const found = wrapper.findAll('article').find((article) => squash(article.find('h3').text()).endsWith(label))
  if (!found) throw new Error(`No theme "${label}"`)
  return found
}

function radioIn(scope: ReturnType<typeof card>, legendEnd: string, optionText: string) {
  const fieldset = scope.findAll('fieldset').find((candidate) => squash(candidate.find('legend').text()).endsWith(legendEnd))
  const label = fieldset?.findAll('label').find((candidate) => squash(candidate.text()) === optionText)
  if (!label) throw new Error(`No option "${optionText}" in "${legendEnd}"`)
  return label.find('input')
}

describe('RadarSection', () => {
  it('lists the ten themes in radar order, each with two score groups', () => {
    const wrapper = mountSection()
    const headings = wrapper.findAll('article h3').map((h3) => squash(h3.text()))
    expect(headings).toEqual(THEMES.map((theme, index) => `${index + 1} ${theme.label}`))
    expect(wrapper.findAll('fieldset')).toHaveLength(20)
    expect(wrapper.find('h2').exists()).toBe(false)
  })

  it('reports which theme and axis got which score', async () => {
    const radar = emptyRadar()
    radar.datamining.prototype = 2
    const wrapper = mountSection(radar)
    await radioIn(card(wrapper, 'RGPD'), 'Frein au passage à l’échelle', '4 Critique').setValue(true)
    await radioIn(card(wrapper, 'Datamining'), 'Difficulté pour le prototype', 'Non évalué').setValue(true)
    expect(recorded.scores).toEqual([
      ['rgpd', 'scaleUp', 4],
      ['datamining', 'prototype', null],
    ])
  })

  it('reports comments with their theme', async () => {
    const wrapper = mountSection()
    await card(wrapper, 'Budget / achat de données').find('textarea').setValue('Licence à renouveler chaque année')
    expect(recorded.comments).toEqual([['budget', 'Licence à renouveler chaque année']])
  })

  it('gives the chart, the table and the indicators the current scores, and follows changes', async () => {
    const radar = emptyRadar()
    const wrapper = mountSection(radar)
    const indicators = () => squash(wrapper.find('.indicators dl').text())
    expect(wrapper.findComponent(RadarChart).props('radar')).toEqual(radar)
    expect(indicators()).toContain('Difficulté pour le prototype : 0/10')

    const next = structuredClone(radar)
    next.rgpd.scaleUp = 4
    next.rgpd.prototype = 2
    next.datamining.scaleUp = 0
    await wrapper.setProps({ radar: next })
    expect(wrapper.findComponent(RadarChart).props('radar')).toEqual(next)
    expect(indicators()).toMatch(/25\s% — faible/)
    expect(indicators()).toContain('subsiste (RGPD)')
    expect(indicators()).toContain('Difficulté pour le prototype : 1/10 · frein au passage à l’échelle : 2/10')
    const rgpdRow = wrapper.findAll('tbody tr').find((row) => row.find('th').text() === 'RGPD')
    expect(rgpdRow?.findAll('td').map((td) => td.text())).toEqual(['2 — Modéré', '4 — Critique'])
  })

  it('says each change of the figures once, in one live region, with their labels', async () => {
    const radar = emptyRadar()
    const wrapper = mountSection(radar)
    const live = () => wrapper.findAll('[aria-live], [role="status"], [role="alert"]')
    expect(live()).toHaveLength(1)
    expect(live()[0]!.text()).toBe('')
    const next = structuredClone(radar)
    next.rgpd.prototype = 3
    await wrapper.setProps({ radar: next })
    expect(live()).toHaveLength(1)
    expect(squash(live()[0]!.text())).toMatch(
      /^Difficultés à surmonter \(prototype\) : 1 thème difficile, sur 1 thème évalué\. Indice de difficulté : 75\s%, sur 1 thème évalué\.$/,
    )
    // Complete: said once, with the figures that changed.
    const complete = structuredClone(next)
    for (const id of Object.keys(complete) as (keyof typeof complete)[]) complete[id] = { ...complete[id], prototype: 3, scaleUp: 1 }
    await wrapper.setProps({ radar: complete })
    expect(squash(live()[0]!.text())).toContain('Thèmes évalués : Radar complet.')
  })

  it('keeps the keyboard on the 20th score once given, on the radio just chosen', async () => {
    const wrapper = mountSection(emptyRadar(), document.body)
    const last = card(wrapper, 'Environnement')
    const notAssessed = radioIn(last, 'Frein au passage à l’échelle', 'Non évalué')
    ;(notAssessed.element as HTMLInputElement).focus()
    await notAssessed.trigger('keydown', { key: '3' })
    await flushPromises()
    expect(recorded.scores).toEqual([['environnement', 'scaleUp', 3]])
    expect(document.activeElement).toBe(radioIn(last, 'Frein au passage à l’échelle', '3 Fort').element)
    wrapper.unmount()
  })

  it('explains the method: scale, thresholds, cap, bands and rounding', () => {
    const method = mountSection().find('details')
    expect(method.find('summary').text()).toBe('Méthode : comment lire le radar')
    const text = squash(method.text())
    expect(text).toContain('« Non évalué » n’est pas la même chose que 0')
    // The thresholds quoted are the ones computeIndicators uses (grid.ts), never a copy written in the locale.
    const { difficultyFrom, critical, criticalCap, highFrom, mediumFrom } = METHOD_FIGURES
    expect(text).toContain(`dont la difficulté pour le prototype est notée ${difficultyFrom} ou plus`)
    expect(text).toContain(`plafonnée à ${criticalCap} % dès qu’un frein au passage à l’échelle est noté ${critical} (Critique)`)
    expect(text).toContain(
      `élevée à partir de ${highFrom} %, moyenne de ${mediumFrom} % à ${highFrom - 1} %, faible jusqu’à ${mediumFrom - 1} %`,
    )
    expect(text).toContain(`quand deux personnes sont à ${DISCUSSION_GAP} niveaux ou plus l’une de l’autre`)
    expect(text).not.toMatch(/\{\w+\}/)
    expect(text).toContain('les valeurs en ,5 sont arrondies à l’entier supérieur (57,5 % donne 58 %)')
  })
})
