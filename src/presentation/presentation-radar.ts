// The radar of the presentation mode, read from the back of a room: the screen radar's look with larger words
// (axis labels 20 px, rings 18 px, legend 18 px: at least 18 px on a 1280 × 720 projector).
import type { ChartOptions } from 'chart.js'
import { buildRadarOptions, type RadarChartLabels } from './radar-chart'

export const PRESENTATION_FONT_SIZES = { axis: 20, ring: 18, legend: 18 } as const

export function buildPresentationRadarOptions(labels: RadarChartLabels): ChartOptions<'radar'> {
  const base = buildRadarOptions(labels, 'screen')
  const scale = base.scales!.r!
  return {
    ...base,
    scales: {
      r: {
        ...scale,
        pointLabels: { ...scale.pointLabels, font: { size: PRESENTATION_FONT_SIZES.axis, weight: 600 } },
      },
    },
    plugins: {
      ...base.plugins,
      ringLabels: {
        ...base.plugins!.ringLabels!,
        font: `${PRESENTATION_FONT_SIZES.ring}px system-ui, sans-serif`,
      },
      legend: {
        ...base.plugins!.legend,
        position: 'top',
        labels: { ...base.plugins!.legend!.labels, font: { size: PRESENTATION_FONT_SIZES.legend } },
      },
    },
  } as ChartOptions<'radar'>
}
