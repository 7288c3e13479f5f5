import { describe, expect, it } from 'vitest'
import { computeIndicators, scaleUpBand, THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'

type Row = (number | null)[]

function radarOf(prototype: Row, scaleUp: Row): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const nulls = (count: number): Row => Array<null>(count).fill(null)
const all = (value: number): Row => Array<number>(10).fill(value)

// The worked table of docs/method.md, row by row.
const table = [
  { name: 'nothing assessed', prototype: nulls(10), scaleUp: nulls(10), difficulties: 0, difficultyIndex: null, scaleUpProbability: null, band: null, blockers: [] },
  { name: 'everything at 0', prototype: all(0), scaleUp: all(0), difficulties: 0, difficultyIndex: 0, scaleUpProbability: 100, band: 'high', blockers: [] },
  { name: 'everything critical', prototype: all(4), scaleUp: all(4), difficulties: 10, difficultyIndex: 100, scaleUpProbability: 0, band: 'low', blockers: [...THEME_IDS] },
  { name: 'a mixed sheet', prototype: [1, 2, 3, 0, 4, 2, 1, 3, 0, 2], scaleUp: [0, 1, 2, 1, 0, 3, 2, 2, 1, 0], difficulties: 3, difficultyIndex: 45, scaleUpProbability: 70, band: 'high', blockers: ['cybersecurite'] },
  { name: 'one critical scale-up obstacle', prototype: all(0), scaleUp: [4, 0, 0, 0, 0, 0, 0, 0, 0, 0], difficulties: 0, difficultyIndex: 0, scaleUpProbability: 25, band: 'low', blockers: ['datamining'] },
  { name: 'a single assessed theme', prototype: [2, ...nulls(9)], scaleUp: [1, ...nulls(9)], difficulties: 0, difficultyIndex: 50, scaleUpProbability: 75, band: 'high', blockers: [] },
  { name: 'everything strong', prototype: all(3), scaleUp: all(2), difficulties: 10, difficultyIndex: 75, scaleUpProbability: 50, band: 'medium', blockers: [] },
  { name: 'three themes, rounding half up', prototype: [1, 1, 1, ...nulls(7)], scaleUp: [1, 1, 2, ...nulls(7)], difficulties: 0, difficultyIndex: 25, scaleUpProbability: 67, band: 'high', blockers: [] },
] as const

describe('computeIndicators (the table of docs/method.md)', () => {
  it.each(table)('$name', (row) => {
    const indicators = computeIndicators(radarOf([...row.prototype], [...row.scaleUp]))
    expect(indicators).toEqual({
      difficulties: row.difficulties,
      difficultyIndex: row.difficultyIndex,
      scaleUpProbability: row.scaleUpProbability,
      scaleUpBand: row.band,
      blockers: row.blockers,
      assessed: {
        prototype: row.prototype.filter((score) => score !== null).length,
        scaleUp: row.scaleUp.filter((score) => score !== null).length,
      },
    })
  })
})

describe('computeIndicators beyond the table', () => {
  it('caps the scale-up probability at 25 % when one theme is critical, even if the mean is high', () => {
    const indicators = computeIndicators(radarOf(nulls(10), [4, ...nulls(9)]))
    expect(indicators.scaleUpProbability).toBe(0)
    const mostlyEasy = computeIndicators(radarOf(nulls(10), [4, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
    expect(mostlyEasy.scaleUpProbability).toBe(25)
  })

  it('lists a theme as a blocker when only its prototype score is critical', () => {
    expect(computeIndicators(radarOf([null, null, null, null, null, null, null, null, null, 4], nulls(10))).blockers).toEqual([
      'environnement',
    ])
  })

  it('counts assessed scores per axis', () => {
    expect(computeIndicators(radarOf([0, 1, ...nulls(8)], [2, ...nulls(9)])).assessed).toEqual({ prototype: 2, scaleUp: 1 })
  })
})

/** round(100 × a / b) with halves up, in exact BigInt arithmetic: the reference the app must match. */
function exactPercent(numerator: number, denominator: number): number {
  const scaled = 100n * BigInt(numerator)
  const whole = scaled / BigInt(denominator)
  const remainder = scaled - whole * BigInt(denominator)
  return Number(2n * remainder >= BigInt(denominator) ? whole + 1n : whole)
}

/** A radar with n assessed themes (in theme order) whose scores add up to total, spread as evenly as possible. */
function spread(assessed: number, total: number): Row {
  return THEME_IDS.map((_, index) => {
    if (index >= assessed) return null
    return Math.floor(total / assessed) + (index < total % assessed ? 1 : 0)
  })
}

describe('indicators in exact arithmetic', () => {
  it('gives every (themes assessed, total) pair of both indicators the exactly rounded percentage', () => {
    let pairs = 0
    for (let assessed = 1; assessed <= 10; assessed++) {
      for (let total = 0; total <= 4 * assessed; total++) {
        const scores = spread(assessed, total)
        // The prototype axis as given; the scale-up axis with no 4, so the cap does not hide the rounding.
        const capFree = scores.some((score) => score === 4) ? null : scores
        const indicators = computeIndicators(radarOf(scores, capFree ?? nulls(10)))
        expect(indicators.difficultyIndex, `prototype n=${assessed} Σ=${total}`).toBe(exactPercent(total, 4 * assessed))
        if (capFree) {
          expect(indicators.scaleUpProbability, `scale-up n=${assessed} Σ=${total}`).toBe(
            exactPercent(4 * assessed - total, 4 * assessed),
          )
        }
        pairs++
      }
    }
    expect(pairs).toBe(230)
  })

  it('caps at 25 %, and only there, every scale-up total that holds a critical score', () => {
    for (let assessed = 1; assessed <= 10; assessed++) {
      for (let total = 4; total <= 4 * assessed; total++) {
        const rest = spread(assessed - 1, total - 4).slice(0, 9)
        const indicators = computeIndicators(radarOf(nulls(10), [4, ...rest]))
        expect(indicators.scaleUpProbability, `n=${assessed} Σ=${total}`).toBe(
          Math.min(exactPercent(4 * assessed - total, 4 * assessed), 25),
        )
      }
    }
  })

  it.each([
    [17, 58],
    [27, 33],
    [31, 23],
    [37, 8],
  ])('reads a scale-up total of %i over 10 themes as %i, where a float formula gives one less', (total, expected) => {
    expect(computeIndicators(radarOf(all(0), spread(10, total))).scaleUpProbability).toBe(expected)
  })
})

describe('scaleUpBand', () => {
  it.each([
    [100, 'high'],
    [67, 'high'],
    [66, 'medium'],
    [34, 'medium'],
    [33, 'low'],
    [0, 'low'],
  ] as const)('puts %i %% in the band %s', (probability, band) => {
    expect(scaleUpBand(probability)).toBe(band)
  })
})
