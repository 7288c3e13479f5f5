// The portfolio matrix as a drawing: where the plot, the quadrants, each point and each label go, in the units of a
// 1600 × 1000 picture (the SVG's viewBox and the PNG's pixels, so screen and image agree). Pure: text widths come
// from a measuring function the caller provides (a canvas on screen, a fixed estimate in tests).
import type { DecisionStatus } from '@/domain/vocabulary'
import { QUADRANT_THRESHOLD, type MatrixPoint, type QuadrantId } from '@/domain/portfolio'
import { layoutLabels, type Box, type PlacedLabel } from './label-layout'
import { legendTitle } from './comparison'

export const MATRIX_WIDTH = 1600
export const MATRIX_HEIGHT = 1000
/** The plot inside the picture: room on the left and at the bottom for the axes' titles and graduations. */
export const PLOT: Readonly<Box> = { x: 120, y: 30, width: 1440, height: 850 }
export const LABEL_FONT_SIZE = 22
export const POINT_RADIUS = 12
/** Titles longer than this are shortened on the matrix (the table gives them whole). */
const LABEL_MAX_CHARACTERS = 40

/** Shapes of the points, one per decision status, so the decision reads without colour. */
export const DECISION_SHAPES: Readonly<Record<DecisionStatus, 'circle' | 'triangle' | 'square' | 'cross' | 'diamond'>> = {
  'a-examiner': 'circle',
  priorise: 'triangle',
  reserve: 'square',
  ecarte: 'cross',
  realise: 'diamond',
}

/** Where each quadrant sits: difficulty grows to the right, probability upwards. */
export const QUADRANT_CORNERS: Readonly<Record<QuadrantId, { column: 'left' | 'right'; row: 'top' | 'bottom' }>> = {
  'easy-likely': { column: 'left', row: 'top' },
  'hard-likely': { column: 'right', row: 'top' },
  'easy-unlikely': { column: 'left', row: 'bottom' },
  'hard-unlikely': { column: 'right', row: 'bottom' },
}

export function xOf(difficultyIndex: number): number {
  return PLOT.x + (difficultyIndex / 100) * PLOT.width
}

export function yOf(scaleUpProbability: number): number {
  return PLOT.y + PLOT.height - (scaleUpProbability / 100) * PLOT.height
}

export function quadrantBox(quadrant: QuadrantId): Box {
  const { column, row } = QUADRANT_CORNERS[quadrant]
  const middleX = xOf(QUADRANT_THRESHOLD)
  const middleY = yOf(QUADRANT_THRESHOLD)
  return {
    x: column === 'left' ? PLOT.x : middleX,
    y: row === 'top' ? PLOT.y : middleY,
    width: column === 'left' ? middleX - PLOT.x : PLOT.x + PLOT.width - middleX,
    height: row === 'top' ? middleY - PLOT.y : PLOT.y + PLOT.height - middleY,
  }
}

export interface DrawnPoint extends MatrixPoint {
  decision: DecisionStatus
  cx: number
  cy: number
  label: string
  labelBox: PlacedLabel
}

/**
 * Points at their figures (two sheets with the same figures are set slightly apart, so both show) and their
 * labels laid out so that none overlaps another label or covers a point.
 */
export function layoutMatrix(
  points: readonly (MatrixPoint & { decision: DecisionStatus })[],
  measure: (text: string) => number,
): DrawnPoint[] {
  const taken: { x: number; y: number }[] = []
  const positioned = points.map((point) => {
    let cx = xOf(point.difficultyIndex)
    let cy = yOf(point.scaleUpProbability)
    // Same place as an earlier point: step around it until free.
    for (let step = 1; taken.some((other) => Math.hypot(other.x - cx, other.y - cy) < POINT_RADIUS * 1.6); step++) {
      const angle = step * 2.4
      cx = xOf(point.difficultyIndex) + Math.cos(angle) * POINT_RADIUS * 1.8 * Math.ceil(step / 6)
      cy = yOf(point.scaleUpProbability) + Math.sin(angle) * POINT_RADIUS * 1.8 * Math.ceil(step / 6)
    }
    taken.push({ x: cx, y: cy })
    const label = legendTitle(point.title, LABEL_MAX_CHARACTERS)
    return { point, cx, cy, label }
  })
  const boxes = layoutLabels(
    positioned.map(({ cx, cy, label }) => ({ x: cx, y: cy, width: measure(label) + 8, height: LABEL_FONT_SIZE + 8 })),
    PLOT,
    POINT_RADIUS,
  )
  return positioned.map(({ point, cx, cy, label }, index) => ({ ...point, cx, cy, label, labelBox: boxes[index]! }))
}

/** SVG path of a point's shape, centred on (x, y). */
export function shapePath(shape: (typeof DECISION_SHAPES)[DecisionStatus], x: number, y: number, r = POINT_RADIUS): string {
  switch (shape) {
    case 'circle':
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`
    case 'triangle':
      return `M ${x} ${y - r * 1.15} L ${x + r * 1.1} ${y + r * 0.85} L ${x - r * 1.1} ${y + r * 0.85} Z`
    case 'square':
      return `M ${x - r * 0.9} ${y - r * 0.9} h ${r * 1.8} v ${r * 1.8} h ${-r * 1.8} Z`
    case 'diamond':
      return `M ${x} ${y - r * 1.2} L ${x + r * 1.2} ${y} L ${x} ${y + r * 1.2} L ${x - r * 1.2} ${y} Z`
    case 'cross': {
      const a = r * 0.35
      const b = r
      return `M ${x - b} ${y - b + a} L ${x - b + a} ${y - b} L ${x} ${y - a} L ${x + b - a} ${y - b} L ${x + b} ${y - b + a} L ${x + a} ${y} L ${x + b} ${y + b - a} L ${x + b - a} ${y + b} L ${x} ${y + a} L ${x - b + a} ${y + b} L ${x - b} ${y + b - a} L ${x - a} ${y} Z`
    }
  }
}
