import { describe, expect, it } from 'vitest'
import { boxesOverlap } from '@/presentation/label-layout'
import { DECISION_SHAPES, layoutMatrix, PLOT, quadrantBox, shapePath, xOf, yOf } from '@/presentation/matrix-layout'
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
    const area = quadrants.map(quadrantBox).reduce((sum, box) => sum + box.width * box.height, 0)
    expect(area).toBe(PLOT.width * PLOT.height)
    const inside = (id: QuadrantId, x: number, y: number) => {
      const box = quadrantBox(id)
      return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height
    }
    expect(inside('hard-unlikely', xOf(80), yOf(10))).toBe(true)
    expect(inside('easy-likely', xOf(20), yOf(90))).toBe(true)
  })

  it('keeps every point at its figures, sets equal ones slightly apart, and never overlaps labels', () => {
    const points = [point('1', 40, 60), point('2', 40, 60), point('3', 41, 61), point('4', 42, 58), point('5', 90, 10), point('6', 39, 62)]
    const drawn = layoutMatrix(points, measure)
    expect(drawn[0]!.cx).toBe(xOf(40))
    expect(drawn[0]!.cy).toBe(yOf(60))
    expect(Math.hypot(drawn[1]!.cx - drawn[0]!.cx, drawn[1]!.cy - drawn[0]!.cy)).toBeGreaterThan(15)
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
