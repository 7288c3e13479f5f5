// The library's small SVG radar: the same axes, order and series as the charts of radar-chart.ts (whose colours
// and line styles the thumbnail's CSS repeats), without Chart.js or the charts' builders on the home page.
import { MAX_SCORE, THEME_IDS, type ScoreAxis } from '@/domain/grid'

type Point = [number, number]

interface ThumbnailShapes {
  rings: string[]
  spokes: Point[]
  /** SVG path data per series: one segment between two assessed neighbours, a gap elsewhere. */
  paths: Record<ScoreAxis, string>
  /** Every assessed score, so a score with unassessed neighbours still shows. */
  dots: Record<ScoreAxis, Point[]>
}

export function thumbnailShapes(scores: Record<ScoreAxis, readonly (number | null)[]>, size: number): ThumbnailShapes {
  const centre = size / 2
  const radius = size / 2 - 4
  const point = (index: number, score: number): Point => {
    // Axis 0 points up and the axes go clockwise, as on the full radar.
    const angle = (2 * Math.PI * index) / THEME_IDS.length - Math.PI / 2
    const distance = (radius * score) / MAX_SCORE
    return [centre + distance * Math.cos(angle), centre + distance * Math.sin(angle)]
  }
  const round = ([x, y]: Point) => `${x.toFixed(1)},${y.toFixed(1)}`
  const path = (series: readonly (number | null)[]) =>
    series
      .flatMap((score, index) => {
        const next = series[(index + 1) % series.length]
        if (score === null || score === undefined || next === null || next === undefined) return []
        return [`M${round(point(index, score))}L${round(point((index + 1) % series.length, next))}`]
      })
      .join('')
  const dots = (series: readonly (number | null)[]) =>
    series.flatMap((score, index) => (score === null || score === undefined ? [] : [point(index, score)]))

  return {
    rings: [1, 2, 3, 4].map((level) => THEME_IDS.map((_, index) => round(point(index, level))).join(' ')),
    spokes: THEME_IDS.map((_, index) => point(index, MAX_SCORE)),
    paths: { prototype: path(scores.prototype), scaleUp: path(scores.scaleUp) },
    dots: { prototype: dots(scores.prototype), scaleUp: dots(scores.scaleUp) },
  }
}
