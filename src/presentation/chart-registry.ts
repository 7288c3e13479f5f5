// Chart.js with only what a radar needs, registered once for every chart of the app (never chart.js/auto, which
// would carry every chart type). Imported only by the screens that draw a radar, so the home page stays without it.
import {
  Chart,
  Filler,
  Legend,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js'

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip)

export { Chart }
