// The restitution's images for slides and reports: the comparison radar and the portfolio matrix, drawn off screen
// at 1600 × 1000 (whatever the window or the screen's pixel density), without animation, so that two exports of
// the same sheets give the same pixels.
import type { ChartConfiguration, ChartType } from 'chart.js'
import { Chart } from '@/presentation/chart-registry'
import { IMAGE_FONT } from '@/presentation/image-font'

const RESTITUTION_IMAGE_WIDTH = 1600
const RESTITUTION_IMAGE_HEIGHT = 1000
/** Room for the title above the chart. */
const TITLE_HEIGHT = 90

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG'))), 'image/png'),
  )
}

/** Draws a title line and, under it, the chart the configuration describes; returns the PNG. */
export function renderChartImage<T extends ChartType>(
  title: string,
  subtitle: string,
  configuration: ChartConfiguration<T>,
): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = RESTITUTION_IMAGE_WIDTH
  canvas.height = RESTITUTION_IMAGE_HEIGHT
  const context = canvas.getContext('2d')!
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.fillStyle = '#1b1f24'
  context.textBaseline = 'alphabetic'
  context.font = `bold 34px ${IMAGE_FONT}`
  context.fillText(fit(context, title, canvas.width - 80), 40, 50)
  context.font = `22px ${IMAGE_FONT}`
  context.fillStyle = '#4f5863'
  context.fillText(fit(context, subtitle, canvas.width - 80), 40, 80)

  const chartCanvas = document.createElement('canvas')
  chartCanvas.width = RESTITUTION_IMAGE_WIDTH
  chartCanvas.height = RESTITUTION_IMAGE_HEIGHT - TITLE_HEIGHT
  const chart = new Chart(chartCanvas, {
    ...configuration,
    options: { ...configuration.options, responsive: false, animation: false, devicePixelRatio: 1, events: [] },
  } as ChartConfiguration<T>)
  // With animation off, Chart.js has drawn synchronously: copy the pixels before destroy() clears them.
  context.drawImage(chartCanvas, 0, TITLE_HEIGHT)
  chart.destroy()
  return toPng(canvas)
}

/** The text, cut between words with « … » when wider than `maxWidth`. */
function fit(context: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (context.measureText(text).width <= maxWidth) return text
  let cut = text
  while (cut && context.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : -1)
  return `${cut}…`
}

/**
 * An SVG drawn by the app (attributes only, no CSS classes needed) as a PNG of 1600 × 1000: its title on a line
 * above, the drawing scaled to the room left and centred, and under it the notes a reader needs to read it right
 * (which sheets are not on it, which filters are applied). Serialised, loaded as an image, painted on a white
 * canvas; no request leaves the page (the SVG is a local blob).
 */
export async function renderSvgImage(
  svg: SVGSVGElement,
  drawing: { width: number; height: number },
  { title = '', notes = [] }: { title?: string; notes?: readonly string[] } = {},
): Promise<Blob> {
  const width = RESTITUTION_IMAGE_WIDTH
  const height = RESTITUTION_IMAGE_HEIGHT
  const top = title ? TITLE_HEIGHT - 24 : 0
  const noteLine = 30
  const bottom = notes.length > 0 ? notes.length * noteLine + 14 : 0
  const scale = Math.min(width / drawing.width, (height - top - bottom) / drawing.height)
  const drawnWidth = Math.round(drawing.width * scale)
  const drawnHeight = Math.round(drawing.height * scale)
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.setAttribute('width', String(drawing.width))
  copy.setAttribute('height', String(drawing.height))
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }))
  try {
    const image = new Image(drawing.width, drawing.height)
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')!
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    if (title) {
      context.fillStyle = '#1b1f24'
      context.font = `bold 34px ${IMAGE_FONT}`
      context.fillText(fit(context, title, width - 80), 40, 50)
    }
    context.drawImage(image, Math.round((width - drawnWidth) / 2), top, drawnWidth, drawnHeight)
    context.fillStyle = '#1b1f24'
    context.font = `22px ${IMAGE_FONT}`
    notes.forEach((note, index) => context.fillText(fit(context, note, width - 80), 40, height - bottom + 24 + index * noteLine))
    return await toPng(canvas)
  } finally {
    URL.revokeObjectURL(url)
  }
}
