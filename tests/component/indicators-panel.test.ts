import { describe, expect, it } from 'vitest'
import IndicatorsPanel from '@/components/radar/IndicatorsPanel.vue'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import { mountWithI18n } from '../support/mount-helpers'

type Row = (number | null)[]

function radarOf(prototype: Row, scaleUp: Row): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

function mountPanel(prototype: Row, scaleUp: Row) {
  return mountWithI18n(IndicatorsPanel, { props: { radar: radarOf(prototype, scaleUp) } })
}

/** The <dd> text of the term a user reads, as "term → value". */
function valueOf(wrapper: ReturnType<typeof mountPanel>, term: string): string {
  const dt = wrapper.findAll('dt').find((candidate) => squash(candidate.text()) === term)
  if (!dt) throw new Error(`No term "${term}"`)
  const dds = dt.element.parentElement?.querySelectorAll('dd') ?? []
  return squash([...dds].map((dd) => dd.textContent).join(' | '))
}

describe('IndicatorsPanel', () => {
  it('shows the indicators of a mixed sheet (row 4 of the table in docs/method.md)', () => {
    const wrapper = mountPanel([1, 2, 3, 0, 4, 2, 1, 3, 0, 2], [0, 1, 2, 1, 0, 3, 2, 2, 1, 0])
    expect(valueOf(wrapper, 'Difficultés à surmonter (prototype)')).toBe('3 thèmes difficiles')
    expect(valueOf(wrapper, 'Indice de difficulté')).toMatch(/^45\s%$/)
    expect(valueOf(wrapper, 'Probabilité de passage à l’échelle')).toMatch(/^70\s% — élevée$/)
    expect(valueOf(wrapper, 'Points bloquants')).toBe('Cybersécurité')
    expect(valueOf(wrapper, 'Thèmes évalués')).toBe('Difficulté pour le prototype : 10/10 · frein au passage à l’échelle : 10/10 | Radar complet')
    expect(wrapper.text()).not.toContain('Plafonnée')
  })

  it('shows 25 % and explains the cap when a scale-up score is critical', () => {
    const wrapper = mountPanel(Array(10).fill(0), [4, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    const probability = valueOf(wrapper, 'Probabilité de passage à l’échelle')
    expect(probability).toMatch(/^25\s% — faible \| Plafonnée à 25\s% : /)
    expect(probability).toContain('un frein critique au passage à l’échelle subsiste (Datamining).')
    expect(valueOf(wrapper, 'Points bloquants')).toBe('Datamining')
  })

  it('says what is not assessed instead of showing 0 %', () => {
    const wrapper = mountPanel([], [])
    expect(valueOf(wrapper, 'Difficultés à surmonter (prototype)')).toBe('non évalué')
    expect(valueOf(wrapper, 'Indice de difficulté')).toBe('non évalué')
    expect(valueOf(wrapper, 'Probabilité de passage à l’échelle')).toBe('non évalué')
    expect(valueOf(wrapper, 'Points bloquants')).toBe('Aucun thème noté 4 (Critique)')
    expect(valueOf(wrapper, 'Thèmes évalués')).toBe('Difficulté pour le prototype : 0/10 · frein au passage à l’échelle : 0/10')
  })

  it('follows new indicators, and stays quiet unless it is the one that announces (the print view’s copy is not)', async () => {
    const wrapper = mountPanel([2], [1])
    expect(wrapper.find('[aria-live], [role="status"]').exists()).toBe(false)
    // One theme scored: the figure says so rather than pass for the whole radar.
    expect(valueOf(wrapper, 'Indice de difficulté')).toMatch(/^50\s%, sur 1 thème évalué$/)
    expect(valueOf(wrapper, 'Difficultés à surmonter (prototype)')).toBe('aucun thème difficile, sur 1 thème évalué')
    await wrapper.setProps({ radar: radarOf([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], Array(10).fill(2)) })
    expect(valueOf(wrapper, 'Indice de difficulté')).toMatch(/^75\s%$/)
    expect(valueOf(wrapper, 'Probabilité de passage à l’échelle')).toMatch(/^50\s% — moyenne$/)
    expect(wrapper.find('[aria-live], [role="status"]').exists()).toBe(false)
  })

  it('announces only the figures that changed, each with its label, politely and once', async () => {
    const wrapper = mountWithI18n(IndicatorsPanel, { props: { radar: radarOf([2], [1]), announce: true } })
    const status = () => squash(wrapper.get('[role="status"]').text())
    expect(wrapper.findAll('[aria-live], [role="status"]')).toHaveLength(1)
    expect(status()).toBe('')
    await wrapper.setProps({ radar: radarOf([2], [4]) })
    expect(status()).toMatch(
      /^Probabilité de passage à l’échelle : 0\s% — faible, sur 1 thème évalué\. Plafonnée à 25\s% : .*\(Datamining\)\. Points bloquants : Datamining\.$/,
    )
    // A change that moves no figure says nothing new.
    await wrapper.setProps({ radar: radarOf([2], [4]) })
    expect(status()).toMatch(/^Probabilité de passage/)
  })
})
