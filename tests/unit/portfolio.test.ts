import { describe, expect, it } from 'vitest'
import { THEME_IDS, type RadarScores, type ThemeId } from '@/domain/grid'
import {
  matchesMatrixFilters,
  NO_MATRIX_FILTERS,
  placeOnMatrix,
  QUADRANT_THRESHOLD,
  quadrantOf,
  type MatrixFilters,
} from '@/domain/portfolio'
import { createSheet, type Sheet } from '@/domain/sheet'

type Row = (number | null)[]

function radarOf(prototype: Row, scaleUp: Row): RadarScores {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: prototype[index] ?? null, scaleUp: scaleUp[index] ?? null }]),
  ) as Record<ThemeId, { prototype: number | null; scaleUp: number | null }>
}

const all = (value: number): Row => Array<number>(10).fill(value)
/** Ten scores adding up to total, as evenly as possible. */
const totalling = (total: number): Row =>
  THEME_IDS.map((_, index) => Math.floor(total / 10) + (index < total % 10 ? 1 : 0))

const entry = (id: string, radar: RadarScores) => ({ id, title: `Projet ${id}`, radar })

describe('quadrantOf', () => {
  it('puts 50 on the hard and likely sides', () => {
    expect(QUADRANT_THRESHOLD).toBe(50)
    expect(quadrantOf(50, 50)).toBe('hard-likely')
    expect(quadrantOf(49, 50)).toBe('easy-likely')
    expect(quadrantOf(50, 49)).toBe('hard-unlikely')
    expect(quadrantOf(49, 49)).toBe('easy-unlikely')
  })

  it('names every corner of the matrix', () => {
    expect(quadrantOf(0, 100)).toBe('easy-likely')
    expect(quadrantOf(0, 0)).toBe('easy-unlikely')
    expect(quadrantOf(100, 100)).toBe('hard-likely')
    expect(quadrantOf(100, 0)).toBe('hard-unlikely')
  })
})

describe('placeOnMatrix', () => {
  it('places fully assessed sheets with the indicators of the grid', () => {
    const { placed, incomplete } = placeOnMatrix([
      entry('a', radarOf(all(0), all(0))), // difficulty 0, probability 100
      entry('b', radarOf(all(2), all(2))), // 50 / 50
      entry('c', radarOf(totalling(19), totalling(21))), // 47.5 → 48 / 47.5 → 48
      entry('d', radarOf(all(3), totalling(21))), // 75 / 48
    ])
    expect(incomplete).toEqual([])
    // toMatchObject on an array: same length, each point with these fields (and its sheet besides).
    expect(placed).toMatchObject([
      { id: 'a', title: 'Projet a', difficultyIndex: 0, scaleUpProbability: 100, quadrant: 'easy-likely' },
      { id: 'b', title: 'Projet b', difficultyIndex: 50, scaleUpProbability: 50, quadrant: 'hard-likely' },
      { id: 'c', title: 'Projet c', difficultyIndex: 48, scaleUpProbability: 48, quadrant: 'easy-unlikely' },
      { id: 'd', title: 'Projet d', difficultyIndex: 75, scaleUpProbability: 48, quadrant: 'hard-unlikely' },
    ])
  })

  it('sends a sheet with a critical scale-up score to the unlikely side, however easy the rest', () => {
    const scaleUp = [4, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    const { placed } = placeOnMatrix([entry('critical', radarOf(all(0), scaleUp))])
    expect(placed[0]?.scaleUpProbability).toBe(25)
    expect(placed[0]?.quadrant).toBe('easy-unlikely')
  })

  it('keeps incomplete sheets apart with the number of scores still to give, never at 0', () => {
    const oneMissing = radarOf(all(1), [...all(1).slice(0, 9), null])
    const nothing = radarOf(Array<null>(10).fill(null), Array<null>(10).fill(null))
    const prototypeOnly = radarOf(all(0), Array<null>(10).fill(null))
    const { placed, incomplete } = placeOnMatrix([
      entry('one', oneMissing),
      entry('full', radarOf(all(1), all(1))),
      entry('none', nothing),
      entry('half', prototypeOnly),
    ])
    expect(placed.map((point) => point.id)).toEqual(['full'])
    expect(incomplete).toMatchObject([
      { id: 'one', title: 'Projet one', missingScores: 1 },
      { id: 'none', title: 'Projet none', missingScores: 20 },
      { id: 'half', title: 'Projet half', missingScores: 10 },
    ])
  })

  it('hands back the very object it was given, in the order given', () => {
    const first = { ...entry('x', radarOf(all(4), all(4))), extra: 1 }
    const second = { ...entry('y', radarOf(all(0), all(1))), extra: 2 }
    const { placed } = placeOnMatrix([first, second])
    expect(placed.map((point) => point.sheet)).toEqual([first, second])
    expect(placed[0]?.sheet).toBe(first)
    expect(placed[0]?.sheet.extra).toBe(1)
  })

  it('places real sheets once their 20 scores are given', () => {
    const sheet = createSheet({ title: 'Capteurs de crues', now: new Date('2026-01-01T00:00:00Z') })
    const asInput = (value: Sheet) => ({ id: value.id, title: value.project.title, radar: value.radar, sheet: value })
    expect(placeOnMatrix([asInput(sheet)]).incomplete[0]?.missingScores).toBe(20)
    for (const id of THEME_IDS) sheet.radar[id] = { ...sheet.radar[id], prototype: 3, scaleUp: 1 }
    const [point] = placeOnMatrix([asInput(sheet)]).placed
    expect(point).toMatchObject({
      title: 'Capteurs de crues',
      difficultyIndex: 75,
      scaleUpProbability: 75,
      quadrant: 'hard-likely',
    })
  })
})

describe('matchesMatrixFilters', () => {
  const sheet = {
    project: { domain: 'Eau' },
    phase: 'prototype',
    tags: ['capteurs', 'crues'],
    decision: { status: 'priorise' },
  }
  const filters = (chosen: Partial<MatrixFilters>): MatrixFilters => ({ ...NO_MATRIX_FILTERS, ...chosen })

  it('lets every sheet through when no filter is chosen', () => {
    expect(matchesMatrixFilters(sheet, NO_MATRIX_FILTERS)).toBe(true)
    expect(matchesMatrixFilters({ ...sheet, project: { domain: '' }, tags: [] }, NO_MATRIX_FILTERS)).toBe(true)
  })

  it('filters on each criterion', () => {
    expect(matchesMatrixFilters(sheet, filters({ domain: 'Eau' }))).toBe(true)
    expect(matchesMatrixFilters(sheet, filters({ domain: 'Santé' }))).toBe(false)
    expect(matchesMatrixFilters(sheet, filters({ phase: 'prototype' }))).toBe(true)
    expect(matchesMatrixFilters(sheet, filters({ phase: 'idee' }))).toBe(false)
    expect(matchesMatrixFilters(sheet, filters({ tag: 'crues' }))).toBe(true)
    expect(matchesMatrixFilters(sheet, filters({ tag: 'cru' }))).toBe(false)
    expect(matchesMatrixFilters(sheet, filters({ decision: 'priorise' }))).toBe(true)
    expect(matchesMatrixFilters(sheet, filters({ decision: 'ecarte' }))).toBe(false)
  })

  it('requires every chosen filter to match', () => {
    const everything = { domain: 'Eau', phase: 'prototype', tag: 'capteurs', decision: 'priorise' }
    expect(matchesMatrixFilters(sheet, everything)).toBe(true)
    expect(matchesMatrixFilters(sheet, { ...everything, decision: 'reserve' })).toBe(false)
  })

  it('ignores spaces around a free-text domain', () => {
    expect(matchesMatrixFilters({ ...sheet, project: { domain: ' Eau ' } }, filters({ domain: 'Eau' }))).toBe(true)
    expect(matchesMatrixFilters(sheet, filters({ domain: 'Eau ' }))).toBe(true)
  })

  it('works on a real sheet', () => {
    const real = createSheet({ title: 'Cantines', tags: ['alimentation'] })
    const chosen = filters({ tag: 'alimentation', phase: 'idee', decision: 'a-examiner' })
    expect(matchesMatrixFilters(real, chosen)).toBe(true)
    expect(matchesMatrixFilters(real, filters({ domain: 'Éducation' }))).toBe(false)
  })
})
