// Every radar Chart.js draws — on screen, on paper and in the PNG — is built here, from one set of colours, line
// styles and point shapes, so the three always agree (the library's thumbnail, drawn without Chart.js by
// radar-thumbnail.ts, repeats the colours and line styles in its CSS). Pure: Chart.js types only (the
// runtime is registered once in chart-registry.ts), so the configurations are unit tested in node.
import type { ChartData, ChartOptions, Plugin, RadialLinearScale, TooltipItem } from 'chart.js'
import { MAX_SCORE, SCORE_AXES, THEME_IDS, type RadarScores, type Score, type ScoreAxis } from '@/domain/grid'
import { axisName, isScore, levelName } from './scores'
import type { Translate } from './translate'
import { IMAGE_FONT } from './image-font'
import { THEME_LABELS } from '@/content/theme-labels'

type RadarChartData = ChartData<'radar', (number | null)[], string>
type RadarChartOptions = ChartOptions<'radar'>

/**
 * Where the chart is drawn: each has its own size rules, the same look. 'projector' is the screen seen from the back
 * of a room: words of at least 18 px.
 */
export type RadarVariant = 'screen' | 'projector' | 'print' | 'image'

/** Same values as --color-prototype / --color-scale-up in main.css: a canvas cannot read CSS variables. */
export const RADAR_COLORS: Readonly<Record<ScoreAxis, string>> = {
  prototype: '#0b5cad',
  scaleUp: '#c2570c',
}

// Light fills so that the two shapes stay readable where they overlap.
const FILL_COLORS: Readonly<Record<ScoreAxis, string>> = {
  prototype: 'rgba(11, 92, 173, 0.14)',
  scaleUp: 'rgba(194, 87, 12, 0.1)',
}

/** Series are told apart by line and point shape too, not only by colour (colour-blind readers, greyscale print). */
export const SERIES_STYLE: Readonly<Record<ScoreAxis, { dash: number[]; point: 'circle' | 'rectRot' }>> = {
  prototype: { dash: [], point: 'circle' },
  scaleUp: { dash: [6, 4], point: 'rectRot' },
}

const TEXT_COLOR = '#1b1f24'
const MUTED_COLOR = '#4f5863'
const GRID_COLOR = '#c9ced6'

/** The words a radar shows: its series' names and the scale's levels. */
export interface RadarChartLabels {
  series: Readonly<Record<ScoreAxis, string>>
  levels: Readonly<Record<Score, string>>
}

export function radarChartLabels(t: Translate): RadarChartLabels {
  return {
    series: { prototype: axisName('prototype', t), scaleUp: axisName('scaleUp', t) },
    levels: { 0: levelName(0, t), 1: levelName(1, t), 2: levelName(2, t), 3: levelName(3, t), 4: levelName(4, t) },
  }
}

/** "3 Fort": the level name next to its number, as on the score controls. */
export function scoreTickLabel(value: number | string, labels: RadarChartLabels): string {
  const numeric = Number(value)
  return isScore(numeric) ? `${numeric} ${labels.levels[numeric]}` : String(value)
}

/** Longest line of an axis label, in characters: longer labels wrap, so they never run off a narrow chart. */
const AXIS_LABEL_LINE = 13

/**
 * Axis labels in short lines: after a slash ("Budget / achat de données"), then between words, so that neither a
 * phone nor the image cuts « Management data » to « Management d ».
 */
export function splitAxisLabel(label: string): string | string[] {
  const lines: string[] = []
  for (const part of label.split(' / ').map((piece, index, all) => (index < all.length - 1 ? `${piece} /` : piece))) {
    let line = ''
    for (const word of part.split(' ')) {
      if (line && `${line} ${word}`.length > AXIS_LABEL_LINE) {
        lines.push(line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    if (line) lines.push(line)
  }
  return lines.length > 1 ? lines : label
}

/** The ring labels (1 Faible … 4 Critique), drawn by ringLabelsPlugin rather than on the first axis. */
interface RingLabelsOptions {
  labels: string[]
  /** CSS font. */
  font: string
  color: string
}

declare module 'chart.js' {
  // The type parameter must match Chart.js's own declaration of this interface.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    ringLabels?: RingLabelsOptions
  }
}
type ChartType = import('chart.js').ChartType

/**
 * Chart.js draws the scale's labels along the first axis, right where Datamining's points sit. This draws them
 * half-way between the first two axes instead, over a light backdrop, and before the series: on a small radar a
 * label is wider than the gap between the two axes, and the points near them must stay on top of it.
 */
export const ringLabelsPlugin: Plugin<'radar'> = {
  id: 'ringLabels',
  beforeDatasetsDraw(chart) {
    const options = chart.options.plugins?.ringLabels as RingLabelsOptions | undefined
    const scale = chart.scales.r as RadialLinearScale | undefined
    if (!options || !scale) return
    const { ctx } = chart
    ctx.save()
    ctx.font = options.font
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    const height = Number.parseFloat(options.font.match(/(\d+(?:\.\d+)?)px/)?.[1] ?? '12') + 4
    options.labels.forEach((text, level) => {
      if (level === 0 || !text) return
      const { x, y } = scale.getPointPositionForValue(0.5, level)
      const width = ctx.measureText(text).width + 6
      ctx.fillStyle = 'rgba(255, 255, 255, 0.85)'
      ctx.fillRect(x - width / 2, y - height / 2, width, height)
      ctx.fillStyle = options.color
      ctx.fillText(text, x, y)
    })
    ctx.restore()
  },
}

// Sizes per variant: the image is drawn at 1000 px high for a 1600 × 1000 PNG, the screen and print at CSS sizes.
const SIZES: Readonly<Record<RadarVariant, { tick: number; axis: number; line: number; point: number }>> = {
  screen: { tick: 11, axis: 12, line: 2, point: 4 },
  projector: { tick: 18, axis: 20, line: 3, point: 6 },
  print: { tick: 11, axis: 12, line: 2, point: 4 },
  image: { tick: 20, axis: 22, line: 4, point: 7 },
}

/** How much larger the scale-up diamond is than the prototype circle: equal scores still show both marks. */
const DIAMOND_EXTRA = 3

/** A saved state of the radar drawn under the current one, to show what moved. */
export interface RadarOverlay {
  /** How the legend names it: « état du 3 mars 2026 ». */
  name: string
  radar: RadarScores
}

/** The overlaid state: the same hue, paler, dotted, hollow points, no fill; drawn under the current series. */
const OVERLAY_COLORS: Readonly<Record<ScoreAxis, string>> = {
  prototype: '#6f9fd2',
  scaleUp: '#e0996a',
}
const OVERLAY_DASH = [2, 3]

/**
 * The two series in theme order. Unassessed scores stay null so that Chart.js leaves a gap:
 * drawing them as 0 would claim "no issue" where nobody has looked yet. An overlay adds the two series of a saved
 * state, named with its date in the legend.
 */
export function buildRadarData(
  radar: RadarScores,
  labels: RadarChartLabels,
  variant: RadarVariant = 'screen',
  overlay?: RadarOverlay,
): RadarChartData {
  const size = SIZES[variant]
  const overlaid = overlay
    ? SCORE_AXES.map((axis) => ({
        label: `${labels.series[axis]} — ${overlay.name}`,
        data: THEME_IDS.map((id) => overlay.radar[id][axis]),
        borderColor: OVERLAY_COLORS[axis],
        backgroundColor: 'rgba(0, 0, 0, 0)',
        pointBackgroundColor: '#ffffff',
        pointBorderColor: OVERLAY_COLORS[axis],
        pointStyle: SERIES_STYLE[axis].point,
        pointRadius: axis === 'scaleUp' ? size.point + DIAMOND_EXTRA - 1 : size.point - 1,
        pointHoverRadius: size.point + 2,
        order: 2,
        borderWidth: size.line,
        borderDash: OVERLAY_DASH.map((length) => length * size.line),
        fill: false,
        spanGaps: false,
      }))
    : []
  return {
    labels: THEME_IDS.map((id) => THEME_LABELS[id]),
    datasets: [...SCORE_AXES.map((axis) => ({
      label: labels.series[axis],
      data: THEME_IDS.map((id) => radar[id][axis]),
      borderColor: RADAR_COLORS[axis],
      backgroundColor: FILL_COLORS[axis],
      pointBackgroundColor: RADAR_COLORS[axis],
      pointBorderColor: RADAR_COLORS[axis],
      pointStyle: SERIES_STYLE[axis].point,
      // The diamond is larger and drawn first (order 1), the circle on top: at equal scores both stay visible.
      pointRadius: axis === 'scaleUp' ? size.point + DIAMOND_EXTRA : size.point,
      pointHoverRadius: (axis === 'scaleUp' ? size.point + DIAMOND_EXTRA : size.point) + 2,
      order: axis === 'scaleUp' ? 1 : 0,
      borderWidth: size.line,
      borderDash: SERIES_STYLE[axis].dash.map((length) => (length * size.line) / 2),
      fill: true,
      spanGaps: false,
    })), ...overlaid],
  }
}

interface RadarOptionsInput {
  /** False when the user prefers reduced motion; never animated on paper or in an image. */
  animate?: boolean
  /**
   * A chart too narrow for the themes' names (a phone): the axes show the themes' numbers, those of the numbered
   * theme cards, so the radar itself keeps its size.
   */
  compact?: boolean
}

/** Pixel density of the printed chart: about 240 dpi on paper. */
const PRINT_PIXEL_RATIO = 2.5

export function buildRadarOptions(
  labels: RadarChartLabels,
  variant: RadarVariant = 'screen',
  { animate = false, compact = false }: RadarOptionsInput = {},
): RadarChartOptions {
  const size = SIZES[variant]
  const family = variant === 'image' ? { family: IMAGE_FONT } : {}
  const onScreen = variant === 'screen' || variant === 'projector'
  return {
    // On screen the wrapper fixes the size (square, capped width) and the chart fills it; elsewhere the canvas has
    // a fixed size, so the print is ready before the browser lays the page out and the image never depends on
    // the window or the screen's pixel density.
    responsive: onScreen,
    maintainAspectRatio: false,
    ...(onScreen ? {} : { devicePixelRatio: variant === 'print' ? PRINT_PIXEL_RATIO : 1, events: [] }),
    animation: onScreen && animate ? { duration: 300 } : false,
    scales: {
      r: {
        min: 0,
        max: MAX_SCORE,
        beginAtZero: true,
        // The ring labels are drawn between the first two axes by ringLabelsPlugin, not on the first axis.
        ticks: { stepSize: 1, display: false },
        pointLabels: {
          callback: compact ? (_label: string, index: number) => String(index + 1) : splitAxisLabel,
          color: TEXT_COLOR,
          // A chart narrower than a phone's screen gets smaller labels, so they stay whole.
          font: (context) => ({
            size: variant === 'screen' && context.chart.width < 360 ? size.axis - 2 : size.axis,
            weight: 600,
            ...family,
          }),
        },
        grid: { color: GRID_COLOR },
        angleLines: { color: GRID_COLOR },
      },
    },
    plugins: {
      ringLabels: {
        labels: ([0, 1, 2, 3, 4] as const).map((level) => scoreTickLabel(level, labels)),
        font: `${size.tick}px ${variant === 'image' ? IMAGE_FONT : 'system-ui, sans-serif'}`,
        color: MUTED_COLOR,
      },
      // The image draws its own legend beside the chart, with the indicators.
      legend: {
        display: variant !== 'image',
        position: 'bottom',
        labels: { usePointStyle: true, color: TEXT_COLOR },
      },
      tooltip: onScreen
        ? {
            callbacks: {
              label: (item: TooltipItem<'radar'>) =>
                `${item.dataset.label ?? ''} : ${scoreTickLabel(item.parsed.r, labels)}`,
            },
          }
        : { enabled: false },
    },
  }
}
