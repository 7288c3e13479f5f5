import { describe, expect, it } from 'vitest'
import { boxesOverlap, leaderLine, segmentCrossesBox } from '@/presentation/label-layout'
import {
  DECISION_SHAPES,
  layoutMatrix,
  PAGE_FRAME,
  PLOT,
  POINT_RADIUS,
  PROJECTOR_FRAME,
  quadrantBox,
  quadrantNameBox,
  shapePath,
  xOf,
  yOf,
} from '@/presentation/matrix-layout'
import { quadrantOf, type QuadrantId } from '@/domain/portfolio'
import { DECISION_STATUSES } from '@/domain/vocabulary'

const measure = (text: string) => text.length * 12

function point(id: string, difficultyIndex: number, scaleUpProbability: number) {
  return { id, title: `Projet numéro ${id} avec un titre assez long pour déborder`, difficultyIndex, scaleUpProbability, quadrant: quadrantOf(difficultyIndex, scaleUpProbability), decision: 'a-examiner' as const }
}

describe('portfolio matrix drawing', () => {
  it('puts difficulty across and probability upwards, the four quadrants meeting at 50 %', () => {
    expect(xOf(0)).toBe(PLOT.x)
    expect(xOf(100)).toBe(PLOT.x + PLOT.width)
    expect(yOf(100)).toBe(PLOT.y)
    expect(yOf(0)).toBe(PLOT.y + PLOT.height)
    const quadrants: QuadrantId[] = ['easy-likely', 'hard-likely', 'easy-unlikely', 'hard-unlikely']
    const area = quadrants.map((quadrant) => quadrantBox(quadrant)).reduce((sum, box) => sum + box.width * box.height, 0)
    expect(area).toBe(PLOT.width * PLOT.height)
    const inside = (id: QuadrantId, x: number, y: number) => {
      const box = quadrantBox(id)
      return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height
    }
    expect(inside('hard-unlikely', xOf(80), yOf(10))).toBe(true)
    expect(inside('easy-likely', xOf(20), yOf(90))).toBe(true)
  })

  it('keeps every point at its figures, sets equal ones evenly around them, and never overlaps labels', () => {
    const points = [point('1', 40, 60), point('2', 40, 60), point('3', 41, 61), point('4', 42, 58), point('5', 90, 10), point('6', 39, 62)]
    const drawn = layoutMatrix(points, measure)
    for (const index of [2, 3, 4, 5]) expect([drawn[index]!.cx, drawn[index]!.cy]).toEqual([xOf(points[index]!.difficultyIndex), yOf(points[index]!.scaleUpProbability)])
    // Two sheets at 40 % / 60 %: both visible, their middle on the figures, each within 1.2 % of them.
    expect(Math.hypot(drawn[1]!.cx - drawn[0]!.cx, drawn[1]!.cy - drawn[0]!.cy)).toBeGreaterThan(2 * POINT_RADIUS)
    expect((drawn[0]!.cx + drawn[1]!.cx) / 2).toBeCloseTo(xOf(40))
    expect((drawn[0]!.cy + drawn[1]!.cy) / 2).toBeCloseTo(yOf(60))
    for (const twin of drawn.slice(0, 2)) expect(Math.abs(twin.cx - xOf(40)) / PLOT.width).toBeLessThan(0.012)
    for (const [index, a] of drawn.entries())
      for (const b of drawn.slice(index + 1)) expect(boxesOverlap(a.labelBox, b.labelBox), `${a.id}/${b.id}`).toBe(false)
    for (const label of drawn) {
      expect(label.labelBox.x).toBeGreaterThanOrEqual(PLOT.x)
      expect(label.labelBox.x + label.labelBox.width).toBeLessThanOrEqual(PLOT.x + PLOT.width)
    }
  })

  it('draws a distinct shape for each decision', () => {
    expect(new Set(DECISION_STATUSES.map((status) => DECISION_SHAPES[status])).size).toBe(DECISION_STATUSES.length)
    for (const status of DECISION_STATUSES) expect(shapePath(DECISION_SHAPES[status], 100, 100)).toMatch(/^M .* Z$/)
  })
})

describe('portfolio matrix of the examples', () => {
  it('draws no leader line across another label, nor a label over a quadrant’s name', async () => {
    const { parseExchangeFile } = await import('@/domain/exchange')
    const { placeOnMatrix } = await import('@/domain/portfolio')
    const { readFileSync } = await import('node:fs')
    const parsed = parseExchangeFile(readFileSync('src/content/example-sheets.json', 'utf8'))
    if (!parsed.ok) throw new Error('the examples should parse')
    const { placed } = placeOnMatrix(parsed.sheets.map((sheet) => ({ id: sheet.id, title: sheet.project.title, radar: sheet.radar })))
    const points = placed.map((point) => ({ ...point, decision: 'a-examiner' as const }))
    // Labels about as wide as DejaVu Sans draws them at 22 px.
    const measure = (text: string) => text.length * 11.5
    const quadrantNames = (['easy-likely', 'hard-likely', 'easy-unlikely', 'hard-unlikely'] as const).map((quadrant) =>
      quadrantNameBox(quadrant, 560),
    )
    for (const frame of [PAGE_FRAME, PROJECTOR_FRAME]) {
      const drawn = layoutMatrix(points, measure, frame, quadrantNames)
      for (const label of drawn) {
        for (const name of quadrantNames) expect(boxesOverlap(label.labelBox, name), label.label).toBe(false)
        if (!label.labelBox.leader) continue
        const line = leaderLine({ x: label.cx, y: label.cy }, label.labelBox)
        for (const other of drawn) if (other !== label) expect(segmentCrossesBox(...line, other.labelBox), `${label.label} / ${other.label}`).toBe(false)
      }
    }
  })
})

describe('segmentCrossesBox', () => {
  const box = { x: 10, y: 10, width: 10, height: 10 }
  it('sees a segment through, into or out of a box, and not one beside it', () => {
    expect(segmentCrossesBox(0, 15, 30, 15, box)).toBe(true)
    expect(segmentCrossesBox(15, 0, 15, 12, box)).toBe(true)
    expect(segmentCrossesBox(0, 0, 9, 30, box)).toBe(false)
    expect(segmentCrossesBox(0, 5, 30, 5, box)).toBe(false)
  })
})
