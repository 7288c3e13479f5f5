// The radar of the presentation mode, read from the back of a room: the projector variant of the screen radar
// (axis labels 20 px, rings 18 px — at least 18 px on a 1280 × 720 projector). Its legend is the page's own key
// (RadarSeriesKey.vue, 18 px), beside the figures: inside the canvas it would take the radar's height.
import type { ChartOptions } from 'chart.js'
import { buildRadarOptions, type RadarChartLabels } from './radar-chart'

export function buildPresentationRadarOptions(labels: RadarChartLabels): ChartOptions<'radar'> {
  const base = buildRadarOptions(labels, 'projector')
  return {
    ...base,
    plugins: {
      ...base.plugins,
      legend: { ...base.plugins!.legend, display: false },
    },
  } as ChartOptions<'radar'>
}
