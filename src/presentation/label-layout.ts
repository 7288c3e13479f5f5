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
 * The places tried for one label, best first: right, left, above, below, then the four diagonals, next to the
 * point; then the same eight directions on rings further out, one label height apart, which need a leader line.
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
    const corners: [number, number][] = [
      [right, centredY],
      [left, centredY],
      [centredX, above],
      [centredX, below],
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

/** Lays the labels out in the order given: earlier labels get the places nearest their points. */
export function layoutLabels(requests: readonly LabelRequest[], area: Box, pointRadius = 8): PlacedLabel[] {
  const points: Box[] = requests.map(({ x, y }) => ({
    x: x - pointRadius,
    y: y - pointRadius,
    width: 2 * pointRadius,
    height: 2 * pointRadius,
  }))
  const placed: PlacedLabel[] = []

  const clutter = (box: Box): number =>
    [...placed, ...points].reduce((total, other) => total + overlapArea(box, other), 0)
  const isFree = (box: Box): boolean =>
    !placed.some((label) => boxesOverlap(box, label)) && !points.some((point) => boxesOverlap(box, point))

  for (const request of requests) {
    const options = candidates(request, pointRadius).map((candidate) => ({
      ...clampInto(candidate, area),
      leader: candidate.leader,
    }))
    const free = options.find((option) => fitsInside(option, area) && isFree(option))
    if (free) {
      placed.push(free)
      continue
    }
    // Nowhere free: the least cluttered place, the first of equals so the result stays the same from run to run.
    let best = options[0]!
    let bestClutter = clutter(best)
    for (const option of options.slice(1)) {
      const optionClutter = clutter(option)
      if (optionClutter < bestClutter) {
        best = option
        bestClutter = optionClutter
      }
    }
    placed.push(best)
  }
  return placed
}
