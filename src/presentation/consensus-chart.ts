// The consensus radar: for one axis, the medians as a line and the spread between the lowest and the highest score
// as a band, in the axis's colour and line style (radar-chart.ts), so it reads like the sheet's own radar. Pure:
// Chart.js types only, unit tested in node.
import type { ChartData, ChartOptions } from 'chart.js'
import { THEME_IDS, type ScoreAxis } from '@/domain/grid'
import type { Consensus } from '@/domain/consensus'
import { buildRadarOptions, RADAR_COLORS, SERIES_STYLE, type RadarChartLabels } from './radar-chart'
import { THEME_LABELS } from '@/content/theme-labels'

type ConsensusChartData = ChartData<'radar', (number | null)[], string>

/** The band's fill: the axis's colour, light enough for the median line to stay the thing one sees. */
const BAND_FILLS: Readonly<Record<ScoreAxis, string>> = {
  prototype: 'rgba(11, 92, 173, 0.18)',
  scaleUp: 'rgba(194, 87, 12, 0.16)',
}

export interface ConsensusSeriesNames {
  median: string
  max: string
  min: string
}

/** Highest scores (filled down to the lowest: the band), lowest scores, then the medians on top. */
export function buildConsensusData(consensus: Consensus, axis: ScoreAxis, names: ConsensusSeriesNames): ConsensusChartData {
  const of = (pick: 'median' | 'min' | 'max') =>
    THEME_IDS.map((theme) => consensus.axes.find((entry) => entry.theme === theme && entry.axis === axis)![pick])
  const color = RADAR_COLORS[axis]
  const edge = { borderColor: color, borderWidth: 1, borderDash: [2, 3], pointRadius: 0, pointHoverRadius: 0, spanGaps: false }
  return {
    labels: THEME_IDS.map((id) => THEME_LABELS[id]),
    datasets: [
      { label: names.max, data: of('max'), ...edge, backgroundColor: BAND_FILLS[axis], fill: '+1', order: 2 },
      { label: names.min, data: of('min'), ...edge, backgroundColor: 'rgba(0, 0, 0, 0)', fill: false, order: 1 },
      {
        label: names.median,
        data: of('median'),
        borderColor: color,
        backgroundColor: 'rgba(0, 0, 0, 0)',
        pointBackgroundColor: color,
        pointBorderColor: color,
        pointStyle: SERIES_STYLE[axis].point,
        pointRadius: 5,
        pointHoverRadius: 7,
        borderWidth: 3,
        borderDash: SERIES_STYLE[axis].dash,
        fill: false,
        spanGaps: false,
        order: 0,
      },
    ],
  }
}

/** The radar's scales and ring labels, with the three series named in a legend under the chart. */
export function buildConsensusOptions(labels: RadarChartLabels, options: { animate?: boolean; compact?: boolean } = {}): ChartOptions<'radar'> {
  const base = buildRadarOptions(labels, 'screen', options)
  return {
    ...base,
    plugins: {
      ...base.plugins,
      legend: { display: true, position: 'bottom', onClick: () => undefined, labels: { color: '#1b1f24', usePointStyle: true } },
      tooltip: { enabled: false },
    },
  }
}
