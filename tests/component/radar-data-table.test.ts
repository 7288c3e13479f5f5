import { describe, expect, it } from 'vitest'
import RadarDataTable from '@/components/radar/RadarDataTable.vue'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import { mountWithI18n } from '../support/mount-helpers'
import { THEMES } from '@/content/themes'

function radarOf(prototype: (number | null)[], scaleUp: (number | null)[]): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const radar = radarOf([3, 0, null, 1, 4, 2, null, null, null, null], [null, 1, 2, 4, 0, null, null, null, null, 3])

describe('RadarDataTable', () => {
  it('has a caption and column headers for the theme and both axes', () => {
    const wrapper = mountWithI18n(RadarDataTable, { props: { radar } })
    expect(wrapper.find('table caption').text()).toBe('Notes du radar des enjeux Data')
    const headers = wrapper.findAll('thead th')
    expect(headers.map((th) => th.text())).toEqual([
      'Thème',
      'Difficulté pour le prototype',
      'Frein au passage à l’échelle',
    ])
    expect(headers.every((th) => th.attributes('scope') === 'col')).toBe(true)
  })

  it('lists every theme in radar order with its scores in words', () => {
    const rows = mountWithI18n(RadarDataTable, { props: { radar } }).findAll('tbody tr')
    expect(rows).toHaveLength(10)
    expect(rows.map((row) => row.find('th[scope="row"]').text())).toEqual(THEMES.map((theme) => theme.label))
    const cells = (index: number) => rows[index]?.findAll('td').map((td) => td.text())
    expect(cells(0)).toEqual(['3 — Fort', 'Non évalué'])
    expect(cells(1)).toEqual(['0 — Aucun', '1 — Faible'])
    expect(cells(3)).toEqual(['1 — Faible', '4 — Critique'])
    expect(cells(4)).toEqual(['4 — Critique', '0 — Aucun'])
    expect(cells(9)).toEqual(['Non évalué', '3 — Fort'])
  })

  it('is hidden visually: sighted readers have the chart', () => {
    const wrapper = mountWithI18n(RadarDataTable, { props: { radar } })
    expect(wrapper.classes()).toContain('sr-only')
  })
})
