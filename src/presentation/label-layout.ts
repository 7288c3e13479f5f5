// Titles beside the points of a scatter chart (the portfolio matrix draws up to ~30 of them on a canvas) without
// one hiding another or hiding a point. Greedy and deterministic: the same sheets always give the same picture, in
// the app, in a printout and in an exported image.

/** A rectangle in pixels; x and y are its top-left corner. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** A point's centre and the measured size of its label. */
export interface LabelRequest {
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedLabel extends Box {
  /** True when the label had to move away from its point and needs a leader line. */
  leader: boolean
}

/** Gap between a point's edge and its label. */
const GAP = 4
/** Rings of candidates tried beyond the one next to the point. */
const RINGS = 8

/** Boxes that only touch along an edge do not overlap. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function fitsInside(box: Box, area: Box): boolean {
  return (
    box.x >= area.x &&
    box.y >= area.y &&
    box.x + box.width <= area.x + area.width &&
    box.y + box.height <= area.y + area.height
  )
}

/** Slides a box back inside the area (a label near an edge keeps its side of the point but moves along it). */
function clampInto(box: Box, area: Box): Box {
  const x = Math.max(area.x, Math.min(box.x, area.x + area.width - box.width))
  const y = Math.max(area.y, Math.min(box.y, area.y + area.height - box.height))
  return { ...box, x, y }
}

/**
 * The places tried for one label, best first: right, left, above, below (centred, then starting or ending at the
 * point), then the four diagonals, next to the point; then the same places on rings further out, one label height
 * apart, which need a leader line.
 */
function candidates(request: LabelRequest, pointRadius: number): PlacedLabel[] {
  const { x, y, width, height } = request
  const step = Math.max(height, 1)
  const result: PlacedLabel[] = []
  for (let ring = 0; ring <= RINGS; ring += 1) {
    const distance = pointRadius + GAP + ring * step
    const right = x + distance
    const left = x - distance - width
    const above = y - distance - height
    const below = y + distance
    const centredX = x - width / 2
    const centredY = y - height / 2
    // Above and below, the label may also start or end at the point: more room in a row of points.
    const startX = x - pointRadius
    const endX = x + pointRadius - width
    const corners: [number, number][] = [
      [right, centredY],
      [left, centredY],
      [centredX, above],
      [centredX, below],
      [startX, above],
      [endX, above],
      [startX, below],
      [endX, below],
      [right, above],
      [left, above],
      [right, below],
      [left, below],
    ]
    for (const [cornerX, cornerY] of corners) {
      result.push({ x: cornerX, y: cornerY, width, height, leader: ring > 0 })
    }
  }
  return result
}

/** Whether the segment from (x1, y1) to (x2, y2) passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  const dx = x2 - x1
  const dy = y2 - y1
  let enter = 0
  let leave = 1
  const edges: [number, number][] = [
    [-dx, x1 - box.x],
    [dx, box.x + box.width - x1],
    [-dy, y1 - box.y],
    [dy, box.y + box.height - y1],
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false
      continue
    }
    const r = q / p
    if (p < 0) enter = Math.max(enter, r)
    else leave = Math.min(leave, r)
    if (enter >= leave) return false
  }
  return true
}

/** The leader line of a label: from its point to the label's centre. */
export function leaderLine(point: { x: number; y: number }, label: Box): [number, number, number, number] {
  return [point.x, point.y, label.x + label.width / 2, label.y + label.height / 2]
}

/** Rounds of « the labels that found no clean place go first » tried before keeping the best layout. */
const REPAIR_ROUNDS = 12

/**
 * Lays the labels out, earlier labels getting the places nearest their points. `obstacles` are boxes no label may
 * cover (text drawn on the chart itself). A label that moves away from its point gets a leader line, and no leader
 * line crosses another label. When some label finds no clean place, the layout starts again with the labels in
 * trouble first (they are the ones in a crowd), and keeps the layout with the fewest troubles. Deterministic.
 */
export function layoutLabels(
  requests: readonly LabelRequest[],
  area: Box,
  pointRadius = 8,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  let order = requests.map((_, index) => index)
  let best = placeInOrder(requests, order, area, pointRadius, obstacles)
  for (let round = 0; round < REPAIR_ROUNDS && best.troubled.length > 0; round++) {
    const troubled = new Set(best.troubled)
    order = [...best.troubled, ...order.filter((index) => !troubled.has(index))]
    const attempt = placeInOrder(requests, order, area, pointRadius, obstacles)
    if (attempt.troubled.length < best.troubled.length) best = attempt
  }
  return best.labels
}

/** One greedy pass in the given order; the labels by request index, and those that found no clean place. */
function placeInOrder(
  requests: readonly LabelRequest[],
  order: readonly number[],
  area: Box,
  pointRadius: number,
  obstacles: readonly Box[],
): { labels: PlacedLabel[]; troubled: number[] } {
  const points: Box[] = requests.map(({ x, y }) => ({
    x: x - pointRadius,
    y: y - pointRadius,
    width: 2 * pointRadius,
    height: 2 * pointRadius,
  }))
  const placed: PlacedLabel[] = []
  const labels: PlacedLabel[] = new Array(requests.length)
  const troubled: number[] = []
  const leaders: [number, number, number, number][] = []

  const clutter = (box: Box): number =>
    [...placed, ...points, ...obstacles].reduce((total, other) => total + overlapArea(box, other), 0)
  const isFree = (box: Box): boolean =>
    !placed.some((label) => boxesOverlap(box, label)) &&
    !points.some((point) => boxesOverlap(box, point)) &&
    !obstacles.some((obstacle) => boxesOverlap(box, obstacle))
  // Its own leader crosses no label placed so far, and no leader placed so far crosses it.
  const leadersClear = (option: PlacedLabel, request: LabelRequest): boolean => {
    if (leaders.some((line) => segmentCrossesBox(...line, option))) return false
    if (!option.leader) return true
    const line = leaderLine(request, option)
    return !placed.some((label) => segmentCrossesBox(...line, label))
  }
  const keep = (index: number, label: PlacedLabel, clean: boolean) => {
    placed.push(label)
    labels[index] = label
    if (label.leader) leaders.push(leaderLine(requests[index]!, label))
    if (!clean) troubled.push(index)
  }

  for (const index of order) {
    const request = requests[index]!
    const options = candidates(request, pointRadius).map((candidate) => ({
      ...clampInto(candidate, area),
      leader: candidate.leader,
    }))
    const clean = options.find((option) => fitsInside(option, area) && isFree(option) && leadersClear(option, request))
    if (clean) {
      keep(index, clean, true)
      continue
    }
    // Else a free place whose leader crosses a label (a line hides less than a label does)…
    const free = options.find((option) => fitsInside(option, area) && isFree(option))
    if (free) {
      keep(index, free, false)
      continue
    }
    // …else the least cluttered place — a crossing leader counts as much as a whole label covered —, the first of
    // equals so the result stays the same from run to run.
    const cost = (option: PlacedLabel) => clutter(option) + (leadersClear(option, request) ? 0 : request.width * request.height)
    let best = options[0]!
    let bestCost = cost(best)
    for (const option of options.slice(1)) {
      const optionCost = cost(option)
      if (optionCost < bestCost) {
        best = option
        bestCost = optionCost
      }
    }
    keep(index, best, false)
  }
  return { labels, troubled }
}
