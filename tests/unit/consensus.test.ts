import { describe, expect, it } from 'vitest'
import { consensusOf, DISCUSSION_GAP, lowerMedian, MAX_RATINGS, radarWithMedians } from '@/domain/consensus'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'

type Row = (number | null)[]

/** A rater's radar: 10 prototype scores, 10 scale-up scores, in the grid's order. */
function radarOf(prototype: Row, scaleUp: Row = Array<null>(10).fill(null)): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const all = (value: number | null): Row => Array<number | null>(10).fill(value)

describe('lowerMedian', () => {
  it('is the middle score of an odd number of raters', () => {
    expect(lowerMedian([3, 0, 4])).toBe(3)
    expect(lowerMedian([2])).toBe(2)
    expect(lowerMedian([4, 4, 0, 1, 1])).toBe(1)
  })

  it('is the lower of the two middle scores of an even number, so always a level of the scale', () => {
    expect(lowerMedian([2, 3])).toBe(2)
    expect(lowerMedian([0, 4])).toBe(0)
    expect(lowerMedian([1, 2, 3, 4])).toBe(2)
    expect(lowerMedian([3, 3, 1, 4])).toBe(3)
  })

  it('is null when nobody scored', () => {
    expect(lowerMedian([])).toBeNull()
  })
})

describe('consensusOf', () => {
  it('counts raters, unassessed scores, the distribution, median and range for each theme and axis', () => {
    const consensus = consensusOf([
      radarOf([0, 1, 2, 3, 4, null, 2, 2, 2, 2], all(1)),
      radarOf([1, 1, 2, 3, 4, null, 2, 2, 2, 2], all(1)),
      radarOf([4, 1, 2, 3, null, null, 2, 3, 0, 2], all(null)),
    ])
    expect(consensus.ratings).toBe(3)
    expect(consensus.axes).toHaveLength(20)
    expect(consensus.axes.slice(0, 2).map((entry) => [entry.theme, entry.axis])).toEqual([
      ['datamining', 'prototype'],
      ['datamining', 'scaleUp'],
    ])
    const datamining = consensus.axes[0]!
    expect(datamining).toEqual({
      theme: 'datamining',
      axis: 'prototype',
      raters: 3,
      unassessed: 0,
      distribution: [1, 1, 0, 0, 1],
      median: 1,
      min: 0,
      max: 4,
      gap: 4,
      toDiscuss: true,
    })
    const cyber = consensus.axes.find((entry) => entry.theme === 'cybersecurite' && entry.axis === 'prototype')!
    // Two raters said « Critique », one left it unassessed: the median is read among those who scored.
    expect(cyber).toMatchObject({ raters: 2, unassessed: 1, median: 4, min: 4, max: 4, gap: 0, toDiscuss: false })
    const algorithmie = consensus.axes.find((entry) => entry.theme === 'algorithmie' && entry.axis === 'prototype')!
    expect(algorithmie).toMatchObject({ raters: 0, unassessed: 3, distribution: [0, 0, 0, 0, 0], median: null, min: null, max: null, gap: null, toDiscuss: false })
    const scaleUp = consensus.axes.find((entry) => entry.theme === 'rgpd' && entry.axis === 'scaleUp')!
    expect(scaleUp).toMatchObject({ raters: 2, unassessed: 1, median: 1 })
  })

  it(`flags a theme and axis « à discuter » when two raters are ${DISCUSSION_GAP} levels apart or more, not 1`, () => {
    const consensus = consensusOf([radarOf([1, 1, 0, 2]), radarOf([2, 3, 0, 2]), radarOf([2, 2, 4, 2])])
    const flags = Object.fromEntries(consensus.axes.filter((entry) => entry.axis === 'prototype').map((entry) => [entry.theme, entry.toDiscuss]))
    expect(flags).toMatchObject({ datamining: false, gouvernance: true, management: true, infrastructure: false })
  })

  it('lists the themes to discuss first, the widest gap first, then the others in the grid’s order', () => {
    const consensus = consensusOf([
      radarOf([0, 2, 1, 1, 1, 1, 1, 0, 1, 1], all(1)),
      radarOf([2, 2, 1, 1, 1, 1, 1, 4, 1, 1], all(1)),
      radarOf([1, 2, 1, 1, 1, 1, 1, 3, 1, 1], [1, 1, 1, 1, 1, 1, 4, 1, 1, 1]),
    ])
    const order = consensus.discussionOrder.map((entry) => `${entry.theme}.${entry.axis}`)
    // rgpd.prototype: 0–4 (gap 4); duplicabilite.scaleUp: 1–4 (gap 3); datamining.prototype: 0–2 (gap 2).
    expect(order.slice(0, 3)).toEqual(['rgpd.prototype', 'duplicabilite.scaleUp', 'datamining.prototype'])
    expect(order.slice(3, 6)).toEqual(['datamining.scaleUp', 'gouvernance.prototype', 'gouvernance.scaleUp'])
    expect(order).toHaveLength(20)
  })

  it('gives the medians as the radar’s scores, null where nobody scored', () => {
    const consensus = consensusOf([radarOf([0, 3, null], [4]), radarOf([1, 3, null], [4]), radarOf([3, 4, null], [2]), radarOf([4, 2, null], [null])])
    expect(consensus.medians.datamining).toEqual({ prototype: 1, scaleUp: 4 })
    expect(consensus.medians.gouvernance).toEqual({ prototype: 3, scaleUp: null })
    expect(consensus.medians.management).toEqual({ prototype: null, scaleUp: null })
  })

  it('reads 2 to 30 raters, the even numbers by the lower middle score', () => {
    for (let raters = 2; raters <= MAX_RATINGS; raters++) {
      // Rater i scores i mod 5 on every theme; a third of them leave the scale-up axis unassessed.
      const radars = Array.from({ length: raters }, (_, index) => radarOf(all(index % 5), all(index % 3 === 2 ? null : (index * 2) % 5)))
      const consensus = consensusOf(radars)
      const prototypeScores = radars.map((radar) => radar.datamining.prototype!).sort((a, b) => a - b)
      const expected = prototypeScores[Math.floor((raters - 1) / 2)]
      const entry = consensus.axes[0]!
      expect(entry.median, `${raters} raters`).toBe(expected)
      expect(entry.raters + entry.unassessed).toBe(raters)
      expect(entry.distribution.reduce((sum, count) => sum + count, 0)).toBe(entry.raters)
      const scaleUp = consensus.axes[1]!
      expect(scaleUp.unassessed, `${raters} raters`).toBe(Math.floor((raters + 0) / 3))
      expect(scaleUp.raters + scaleUp.unassessed).toBe(raters)
    }
  })

  it('refuses a score outside the scale rather than average it', () => {
    expect(() => consensusOf([radarOf([5]), radarOf([1])])).toThrow(RangeError)
  })
})

describe('radarWithMedians', () => {
  it('sets the 20 scores to the medians and keeps the sheet’s comments', () => {
    const sheetRadar = Object.fromEntries(THEME_IDS.map((id) => [id, { prototype: 4, scaleUp: 4, comment: `Note ${id}` }])) as Record<
      ThemeId,
      { prototype: number | null; scaleUp: number | null; comment: string }
    >
    const { medians } = consensusOf([radarOf(all(1), all(2)), radarOf(all(3), all(null))])
    const adopted = radarWithMedians(sheetRadar, medians)
    expect(adopted.rgpd).toEqual({ prototype: 1, scaleUp: 2, comment: 'Note rgpd' })
    expect(sheetRadar.rgpd.prototype).toBe(4)
  })
})
