import { describe, expect, it } from 'vitest'
import { boxesOverlap, layoutLabels, type Box, type LabelRequest, type PlacedLabel } from '@/presentation/label-layout'

const RADIUS = 8

/** A small linear congruential generator: the same "random" points on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

const pointBox = ({ x, y }: LabelRequest): Box => ({
  x: x - RADIUS,
  y: y - RADIUS,
  width: 2 * RADIUS,
  height: 2 * RADIUS,
})

function inside(box: Box, area: Box): boolean {
  const right = area.x + area.width
  const bottom = area.y + area.height
  return box.x >= area.x && box.y >= area.y && box.x + box.width <= right && box.y + box.height <= bottom
}

function overlappingPairs(labels: readonly PlacedLabel[]): [number, number][] {
  const pairs: [number, number][] = []
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b, j) => boxesOverlap(a, b) && pairs.push([i, i + 1 + j])))
  return pairs
}

function coveredPoints(labels: readonly PlacedLabel[], requests: readonly LabelRequest[]): [number, number][] {
  return labels.flatMap((label, i) =>
    requests.flatMap((request, j): [number, number][] => (boxesOverlap(label, pointBox(request)) ? [[i, j]] : [])),
  )
}

describe('boxesOverlap', () => {
  const box = { x: 0, y: 0, width: 10, height: 10 }

  it('sees boxes that share some area', () => {
    expect(boxesOverlap(box, { x: 5, y: 5, width: 10, height: 10 })).toBe(true)
    expect(boxesOverlap(box, { x: 2, y: 2, width: 2, height: 2 })).toBe(true)
    expect(boxesOverlap({ x: 2, y: 2, width: 2, height: 2 }, box)).toBe(true)
  })

  it('lets boxes touch along an edge or a corner', () => {
    expect(boxesOverlap(box, { x: 10, y: 0, width: 10, height: 10 })).toBe(false)
    expect(boxesOverlap(box, { x: 0, y: 10, width: 10, height: 10 })).toBe(false)
    expect(boxesOverlap(box, { x: 10, y: 10, width: 5, height: 5 })).toBe(false)
    expect(boxesOverlap(box, { x: 30, y: 0, width: 5, height: 5 })).toBe(false)
  })
})

describe('layoutLabels', () => {
  const area = { x: 0, y: 0, width: 800, height: 600 }

  it('puts a lone label to the right of its point, vertically centred, without a leader line', () => {
    expect(layoutLabels([{ x: 100, y: 100, width: 120, height: 18 }], area)).toEqual([
      { x: 112, y: 91, width: 120, height: 18, leader: false },
    ])
  })

  it('uses the point radius it is given', () => {
    const [label] = layoutLabels([{ x: 100, y: 100, width: 50, height: 10 }], area, 3)
    expect(label).toMatchObject({ x: 107, y: 95 })
  })

  it('puts the label on the left when the right edge is too close', () => {
    expect(layoutLabels([{ x: 750, y: 300, width: 120, height: 18 }], area)).toEqual([
      { x: 618, y: 291, width: 120, height: 18, leader: false },
    ])
  })

  it('keeps a label beside its point near the top edge by sliding it inside the area', () => {
    const [label] = layoutLabels([{ x: 100, y: 3, width: 120, height: 18 }], area)
    expect(label).toEqual({ x: 112, y: 0, width: 120, height: 18, leader: false })
  })

  it('moves the second label elsewhere when two points sit side by side', () => {
    const requests = [
      { x: 100, y: 100, width: 120, height: 18 },
      { x: 100, y: 110, width: 120, height: 18 },
    ]
    const labels = layoutLabels(requests, area)
    expect(labels[0]).toMatchObject({ x: 112, y: 91, leader: false })
    expect(overlappingPairs(labels)).toEqual([])
    expect(coveredPoints(labels, requests)).toEqual([])
  })

  it('spreads 12 clustered labels so that none overlaps another or hides a point', () => {
    const random = seededRandom(12)
    const requests = Array.from({ length: 12 }, () => ({
      x: 400 + Math.round(random() * 20),
      y: 300 + Math.round(random() * 20),
      width: 120,
      height: 18,
    }))
    const labels = layoutLabels(requests, area)
    expect(labels).toHaveLength(12)
    expect(overlappingPairs(labels)).toEqual([])
    expect(coveredPoints(labels, requests)).toEqual([])
    expect(labels.every((label) => inside(label, area))).toBe(true)
    expect(labels.some((label) => label.leader)).toBe(true)
  })

  it('lays out 30 scattered labels without overlaps', () => {
    const big = { x: 0, y: 0, width: 1200, height: 800 }
    const random = seededRandom(2026)
    const requests = Array.from({ length: 30 }, () => ({
      x: Math.round(random() * 1200),
      y: Math.round(random() * 800),
      width: 160,
      height: 20,
    }))
    const labels = layoutLabels(requests, big)
    expect(labels).toHaveLength(30)
    expect(overlappingPairs(labels)).toEqual([])
    expect(coveredPoints(labels, requests)).toEqual([])
    expect(labels.every((label) => inside(label, big))).toBe(true)
  })

  it.each([1, 7, 42, 99, 12345])('keeps 30 labels apart in a matrix-sized chart (seed %i)', (seed) => {
    const chart = { x: 60, y: 20, width: 700, height: 500 }
    const random = seededRandom(seed)
    const requests = Array.from({ length: 30 }, () => ({
      x: chart.x + Math.round(random() * chart.width),
      y: chart.y + Math.round(random() * chart.height),
      width: 40 + Math.round(random() * 100),
      height: 16,
    }))
    const labels = layoutLabels(requests, chart)
    expect(overlappingPairs(labels)).toEqual([])
    expect(labels.every((label) => inside(label, chart))).toBe(true)
  })

  it('gives the same output for the same input', () => {
    const random = seededRandom(7)
    const requests = Array.from({ length: 25 }, () => ({ x: random() * 300, y: random() * 200, width: 90, height: 14 }))
    const first = layoutLabels(requests, { x: 0, y: 0, width: 300, height: 200 })
    const second = layoutLabels(requests.map((request) => ({ ...request })), { x: 0, y: 0, width: 300, height: 200 })
    expect(second).toEqual(first)
  })

  it('still places every label, inside the area, when there is no free room left', () => {
    const tiny = { x: 0, y: 0, width: 200, height: 60 }
    const requests = Array.from({ length: 8 }, (_, index) => ({ x: 20 + index * 20, y: 30, width: 100, height: 20 }))
    const labels = layoutLabels(requests, tiny)
    expect(labels).toHaveLength(8)
    expect(labels.every((label) => inside(label, tiny))).toBe(true)
  })

  it('lays out nothing for no points', () => {
    expect(layoutLabels([], area)).toEqual([])
  })
})
