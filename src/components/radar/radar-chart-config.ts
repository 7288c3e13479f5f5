// Pure builders for the radar chart: no Chart.js runtime here, so the same configuration can be unit tested in
// node and reused by a later PNG export that draws the chart off screen.
import type { ChartData, ChartOptions, TooltipItem } from 'chart.js'
import { MAX_SCORE, type RadarScores, type Score, type ScoreAxis } from '@/domain/grid'
import { SCALE_LABELS, THEMES } from '@/domain/themes'

export type RadarChartData = ChartData<'radar', (number | null)[], string>
export type RadarChartOptions = ChartOptions<'radar'>

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
export const SCALE_UP_DASH = [6, 4]

export type RadarSeriesLabels = Readonly<Record<ScoreAxis, string>>

function isScore(value: number): value is Score {
  return Number.isInteger(value) && value >= 0 && value <= MAX_SCORE
}

/** "3 Fort": the level name next to its number, as on the score controls. */
export function scoreTickLabel(value: number | string): string {
  const numeric = Number(value)
  return isScore(numeric) ? `${numeric} ${SCALE_LABELS[numeric]}` : String(value)
}

/** Long axis labels ("Budget / achat de données") break after the slash so they do not run off a narrow chart. */
export function splitAxisLabel(label: string): string | string[] {
  const parts = label.split(' / ')
  return parts.length > 1 ? parts.map((part, index) => (index < parts.length - 1 ? `${part} /` : part)) : label
}

/**
 * The two series in THEMES order. Unassessed scores stay null so that Chart.js leaves a gap:
 * drawing them as 0 would claim "no issue" where nobody has looked yet.
 */
export function buildRadarData(radar: RadarScores, seriesLabels: RadarSeriesLabels): RadarChartData {
  const series = (axis: ScoreAxis) => THEMES.map((theme) => radar[theme.id][axis])
  return {
    labels: THEMES.map((theme) => theme.label),
    datasets: [
      {
        label: seriesLabels.prototype,
        data: series('prototype'),
        borderColor: RADAR_COLORS.prototype,
        backgroundColor: FILL_COLORS.prototype,
        pointBackgroundColor: RADAR_COLORS.prototype,
        pointBorderColor: RADAR_COLORS.prototype,
        pointStyle: 'circle',
        pointRadius: 4,
        pointHoverRadius: 6,
        borderWidth: 2,
        borderDash: [],
        fill: true,
        spanGaps: false,
      },
      {
        label: seriesLabels.scaleUp,
        data: series('scaleUp'),
        borderColor: RADAR_COLORS.scaleUp,
        backgroundColor: FILL_COLORS.scaleUp,
        pointBackgroundColor: RADAR_COLORS.scaleUp,
        pointBorderColor: RADAR_COLORS.scaleUp,
        pointStyle: 'rectRot',
        pointRadius: 5,
        pointHoverRadius: 7,
        borderWidth: 2,
        borderDash: SCALE_UP_DASH,
        fill: true,
        spanGaps: false,
      },
    ],
  }
}

export interface RadarOptionsInput {
  /** False when the user prefers reduced motion, or for a static export. */
  animate: boolean
}

export function buildRadarOptions({ animate }: RadarOptionsInput): RadarChartOptions {
  return {
    responsive: true,
    // The wrapper fixes the size (square, capped width); the chart just fills it.
    maintainAspectRatio: false,
    animation: animate ? { duration: 300 } : false,
    scales: {
      r: {
        min: 0,
        max: MAX_SCORE,
        beginAtZero: true,
        ticks: {
          stepSize: 1,
          callback: scoreTickLabel,
          color: '#4f5863',
          backdropColor: 'rgba(255, 255, 255, 0.85)',
          font: { size: 11 },
        },
        pointLabels: {
          callback: splitAxisLabel,
          color: '#1b1f24',
          font: { size: 12, weight: 600 },
        },
        grid: { color: '#c9ced6' },
        angleLines: { color: '#c9ced6' },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: { usePointStyle: true, color: '#1b1f24' },
      },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<'radar'>) => `${item.dataset.label ?? ''} : ${scoreTickLabel(item.parsed.r)}`,
        },
      },
    },
  }
}
