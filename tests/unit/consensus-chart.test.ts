import { describe, expect, it } from 'vitest'
import { consensusOf } from '@/domain/consensus'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import { buildConsensusData } from '@/presentation/consensus-chart'

const radarOf = (prototype: (number | null)[]): RadarScores =>
  Object.fromEntries(THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: null }])) as Record<
    ThemeId,
    { prototype: number | null; scaleUp: number | null }
  >

describe('buildConsensusData', () => {
  it('draws the band from the highest to the lowest score and the medians on top, one axis at a time', () => {
    const consensus = consensusOf([radarOf([0, 2, 4]), radarOf([1, 2, 4]), radarOf([4, 3, null])])
    const data = buildConsensusData(consensus, 'prototype', { median: 'Médiane', max: 'Haute', min: 'Basse' })
    const [max, min, median] = data.datasets
    expect(data.labels).toHaveLength(10)
    expect(max!.data.slice(0, 4)).toEqual([4, 3, 4, null])
    expect(min!.data.slice(0, 4)).toEqual([0, 2, 4, null])
    expect(median!.data.slice(0, 4)).toEqual([1, 2, 4, null])
    // The band fills from the highest line down to the next dataset, the lowest.
    expect(max).toMatchObject({ fill: '+1', label: 'Haute' })
    expect(median).toMatchObject({ fill: false, label: 'Médiane', borderColor: '#0b5cad' })
    const scaleUp = buildConsensusData(consensus, 'scaleUp', { median: 'Médiane', max: 'Haute', min: 'Basse' })
    expect(scaleUp.datasets[2]).toMatchObject({ borderColor: '#c2570c', pointStyle: 'rectRot' })
    expect(scaleUp.datasets[2]!.data.every((value) => value === null)).toBe(true)
  })
})
