// The portfolio matrix as a drawing: where the plot, the quadrants, each point and each label go, in the units of a
// picture (the SVG's viewBox and the PNG's pixels, so screen and image agree): 1600 × 1000 on the page, 1600 × 790
// projected. Pure: text widths come
// from a measuring function the caller provides (a canvas on screen, a fixed estimate in tests).
import { METHOD_FIGURES } from '@/domain/grid'
import type { DecisionStatus } from '@/domain/vocabulary'
import { QUADRANT_THRESHOLD, type MatrixPoint, type QuadrantId } from '@/domain/portfolio'
import { layoutLabels, type Box, type PlacedLabel } from './label-layout'
import { shortName } from './participants'

/**
 * A drawing of the matrix: its size in SVG units, where the plot sits in it, and its text sizes. The page's is
 * 1600 × 1000 (also the PNG's drawing); the projector's is wider than high like a projected screen, with larger
 * words, so that labels are at least 16 px on a 1280 × 720 wall.
 */
export interface MatrixFrame {
  width: number
  height: number
  plot: Box
  /** Text sizes: point labels, graduations, quadrant names, axis titles and the shapes' legend. */
  label: number
  tick: number
  quadrant: number
  axisTitle: number
  legend: number
}

export const PAGE_FRAME: MatrixFrame = {
  width: 1600,
  height: 1000,
  plot: { x: 120, y: 30, width: 1440, height: 850 },
  label: 22,
  tick: 20,
  quadrant: 24,
  axisTitle: 24,
  legend: 20,
}

export const PROJECTOR_FRAME: MatrixFrame = {
  width: 1600,
  height: 790,
  plot: { x: 130, y: 16, width: 1440, height: 656 },
  label: 24,
  tick: 22,
  quadrant: 24,
  axisTitle: 24,
  legend: 22,
}

/** The plot inside the page's picture: room on the left and at the bottom for the axes' titles and graduations. */
export const PLOT: Readonly<Box> = PAGE_FRAME.plot
export const POINT_RADIUS = 12
/** Titles longer than this are shortened on the matrix (the table gives them whole); who wrote it stays whole. */
const LABEL_MAX_CHARACTERS = 40

/**
 * The probability bands of the sheets (élevée, moyenne, faible: METHOD_FIGURES) drawn across the matrix, whose own
 * line is at 50 %: a sheet at 60 % sits in the upper half and in the « moyenne » band, and the drawing says both.
 */
export const BAND_LINES = [
  { band: 'high', value: METHOD_FIGURES.highFrom, side: 'above' },
  { band: 'low', value: METHOD_FIGURES.mediumFrom, side: 'below' },
] as const

/** Shapes of the points, one per decision status, so the decision reads without colour. */
export const DECISION_SHAPES: Readonly<
  Record<DecisionStatus, 'circle' | 'triangle' | 'triangle-down' | 'square' | 'star' | 'cross' | 'diamond'>
> = {
  'a-examiner': 'circle',
  priorise: 'triangle',
  reserve: 'square',
  // Taken off the priorities: the priorities' triangle upside down; brought back: a star, unlike any other.
  depriorise: 'triangle-down',
  reactive: 'star',
  ecarte: 'cross',
  realise: 'diamond',
}

/** Where each quadrant sits: difficulty grows to the right, probability upwards. */
const QUADRANT_CORNERS: Readonly<Record<QuadrantId, { column: 'left' | 'right'; row: 'top' | 'bottom' }>> = {
  'easy-likely': { column: 'left', row: 'top' },
  'hard-likely': { column: 'right', row: 'top' },
  'easy-unlikely': { column: 'left', row: 'bottom' },
  'hard-unlikely': { column: 'right', row: 'bottom' },
}

export function xOf(difficultyIndex: number, frame: MatrixFrame = PAGE_FRAME): number {
  return frame.plot.x + (difficultyIndex / 100) * frame.plot.width
}

export function yOf(scaleUpProbability: number, frame: MatrixFrame = PAGE_FRAME): number {
  return frame.plot.y + frame.plot.height - (scaleUpProbability / 100) * frame.plot.height
}

export function quadrantBox(quadrant: QuadrantId, frame: MatrixFrame = PAGE_FRAME): Box {
  const { column, row } = QUADRANT_CORNERS[quadrant]
  const { plot } = frame
  const middleX = xOf(QUADRANT_THRESHOLD, frame)
  const middleY = yOf(QUADRANT_THRESHOLD, frame)
  return {
    x: column === 'left' ? plot.x : middleX,
    y: row === 'top' ? plot.y : middleY,
    width: column === 'left' ? middleX - plot.x : plot.x + plot.width - middleX,
    height: row === 'top' ? middleY - plot.y : plot.y + plot.height - middleY,
  }
}

/** Where a quadrant's name is written: in its outer corner, so that it stays clear of the centre where points gather. */
export function quadrantNameBox(quadrant: QuadrantId, width: number, frame: MatrixFrame = PAGE_FRAME): Box & { anchor: 'start' | 'end'; baseline: number } {
  const box = quadrantBox(quadrant, frame)
  const { column, row } = QUADRANT_CORNERS[quadrant]
  const height = frame.quadrant + 8
  const x = column === 'left' ? box.x + 14 : box.x + box.width - 14 - width
  const y = row === 'top' ? box.y + 8 : box.y + box.height - 8 - height
  return { x, y, width, height, anchor: column === 'left' ? 'start' : 'end', baseline: y + frame.quadrant }
}

export interface DrawnPoint extends MatrixPoint {
  decision: DecisionStatus
  /** The name drawn beside the point (participants.ts: who wrote it when the title is shared). */
  name: { title: string; name: string }
  cx: number
  cy: number
  label: string
  labelBox: PlacedLabel
}

/**
 * Points at their figures and their labels laid out so that none overlaps another label, a point or the
 * `obstacles` (the quadrants' names), and no leader line crosses a label. Sheets with exactly the same figures are
 * set around their common place, close and evenly (their centre stays on the figures), so each shows.
 */
export function layoutMatrix(
  points: readonly (MatrixPoint & { decision: DecisionStatus; name?: { title: string; name: string } })[],
  measure: (text: string) => number,
  frame: MatrixFrame = PAGE_FRAME,
  obstacles: readonly Box[] = [],
): DrawnPoint[] {
  const groups = new Map<string, number[]>()
  points.forEach((point, index) => {
    const key = `${point.difficultyIndex}|${point.scaleUpProbability}`
    groups.set(key, [...(groups.get(key) ?? []), index])
  })
  const positioned = points.map((point, index) => {
    const group = groups.get(`${point.difficultyIndex}|${point.scaleUpProbability}`)!
    let cx = xOf(point.difficultyIndex, frame)
    let cy = yOf(point.scaleUpProbability, frame)
    if (group.length > 1) {
      // Evenly on a circle just wide enough for the points not to overlap, starting on the left.
      const spread = (POINT_RADIUS * 1.15) / Math.sin(Math.PI / Math.max(group.length, 2))
      const angle = Math.PI + (2 * Math.PI * group.indexOf(index)) / group.length
      cx += Math.cos(angle) * spread
      cy += Math.sin(angle) * spread
    }
    const name = point.name ?? { title: point.title, name: point.title }
    const label = shortName(name, LABEL_MAX_CHARACTERS)
    return { point, name, cx, cy, label }
  })
  const boxes = layoutLabels(
    positioned.map(({ cx, cy, label }) => ({ x: cx, y: cy, width: measure(label) + 8, height: frame.label + 8 })),
    frame.plot,
    POINT_RADIUS,
    obstacles,
  )
  return positioned.map(({ point, name, cx, cy, label }, index) => ({ ...point, name, cx, cy, label, labelBox: boxes[index]! }))
}

/** SVG path of a point's shape, centred on (x, y). */
export function shapePath(shape: (typeof DECISION_SHAPES)[DecisionStatus], x: number, y: number, r = POINT_RADIUS): string {
  switch (shape) {
    case 'circle':
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`
    case 'triangle':
      return `M ${x} ${y - r * 1.15} L ${x + r * 1.1} ${y + r * 0.85} L ${x - r * 1.1} ${y + r * 0.85} Z`
    case 'triangle-down':
      return `M ${x} ${y + r * 1.15} L ${x + r * 1.1} ${y - r * 0.85} L ${x - r * 1.1} ${y - r * 0.85} Z`
    case 'star': {
      // Five points: outer radius 1.25 r, inner 0.5 r, the first point straight up.
      const corners = Array.from({ length: 10 }, (_, index) => {
        const radius = index % 2 === 0 ? r * 1.25 : r * 0.5
        const angle = -Math.PI / 2 + (index * Math.PI) / 5
        return `${(x + radius * Math.cos(angle)).toFixed(2)} ${(y + radius * Math.sin(angle)).toFixed(2)}`
      })
      return `M ${corners.join(' L ')} Z`
    }
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
