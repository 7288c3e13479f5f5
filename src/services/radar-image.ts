// The radar as a PNG for slides and reports: drawn off screen at a fixed size (independent of the window and of
// devicePixelRatio), without animation so two exports give the same pixels, and carrying its sheet in an iTXt chunk.
import { addTextChunk } from '@/domain/png-chunk'
import { serializeSheets } from '@/domain/exchange'
import type { Sheet } from '@/domain/sheet'
import { Chart } from '@/presentation/chart-registry'
import { buildRadarData, buildRadarOptions, RADAR_COLORS, ringLabelsPlugin, SERIES_STYLE } from '@/presentation/radar-chart'
import { IMAGE_FONT as FONT } from '@/presentation/image-font'
import type { RadarImageLabels } from '@/presentation/radar-image-labels'

export const IMAGE_WIDTH = 1600
export const IMAGE_HEIGHT = 1000
// The chart takes the image's whole height, and a width that leaves room for the axis labels on its sides: the
// radar itself then spans most of the 1000 px, the title and figures sit in the panel on the right.
const CHART_WIDTH = 1170
const CHART_HEIGHT = IMAGE_HEIGHT
const PANEL_X = CHART_WIDTH + 10
const PANEL_WIDTH = IMAGE_WIDTH - PANEL_X - 24
const TEXT = '#1b1f24'
const MUTED = '#4f5863'

/** A word wider than the panel (a long URL, a code) is cut into pieces that fit, rather than run off the image. */
function pieces(context: CanvasRenderingContext2D, word: string, maxWidth: number): string[] {
  if (context.measureText(word).width <= maxWidth) return [word]
  const parts: string[] = []
  let part = ''
  for (const character of word) {
    if (part && context.measureText(part + character).width > maxWidth) {
      parts.push(part)
      part = ''
    }
    part += character
  }
  if (part) parts.push(part)
  return parts
}

/** The text in lines that fit `maxWidth`, at most `maxLines`; a cut last line ends with an ellipsis. */
function wrap(context: CanvasRenderingContext2D, text: string, maxWidth: number, maxLines = Infinity): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean).flatMap((word) => pieces(context, word, maxWidth))) {
    const candidate = line ? `${line} ${word}` : word
    if (context.measureText(candidate).width <= maxWidth || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]!
  while (last && context.measureText(`${last}…`).width > maxWidth) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last}…`
  return kept
}

function drawChart(target: CanvasRenderingContext2D, sheet: Sheet, labels: RadarImageLabels): void {
  const canvas = document.createElement('canvas')
  canvas.width = CHART_WIDTH
  canvas.height = CHART_HEIGHT
  const chart = new Chart(canvas, {
    type: 'radar',
    data: buildRadarData(sheet.radar, labels.chart, 'image'),
    options: buildRadarOptions(labels.chart, 'image'),
    plugins: [ringLabelsPlugin],
  })
  // With animation off, Chart.js has drawn synchronously; copy the pixels before destroy() clears them.
  target.drawImage(canvas, 0, 0)
  chart.destroy()
}

function drawLegendLine(context: CanvasRenderingContext2D, y: number, axis: 'prototype' | 'scaleUp', text: string, size: number) {
  context.save()
  context.strokeStyle = RADAR_COLORS[axis]
  context.fillStyle = RADAR_COLORS[axis]
  context.lineWidth = 4
  context.setLineDash(SERIES_STYLE[axis].dash.map((length) => length * 1.5))
  context.beginPath()
  context.moveTo(PANEL_X, y)
  context.lineTo(PANEL_X + 56, y)
  context.stroke()
  context.setLineDash([])
  context.beginPath()
  if (SERIES_STYLE[axis].point === 'circle') context.arc(PANEL_X + 28, y, 7, 0, 2 * Math.PI)
  else {
    context.moveTo(PANEL_X + 28, y - 10)
    context.lineTo(PANEL_X + 38, y)
    context.lineTo(PANEL_X + 28, y + 10)
    context.lineTo(PANEL_X + 18, y)
    context.closePath()
  }
  context.fill()
  context.restore()
  context.fillStyle = TEXT
  context.font = `${size}px ${FONT}`
  context.textBaseline = 'middle'
  context.fillText(wrap(context, text, PANEL_WIDTH - 68, 1)[0] ?? '', PANEL_X + 68, y)
}

/** Draws wrapped text from `y` (the first baseline) and returns the baseline after the last line. */
function drawLines(context: CanvasRenderingContext2D, text: string, y: number, font: string, color: string, lineHeight: number, maxLines: number) {
  context.font = font
  context.fillStyle = color
  context.textBaseline = 'alphabetic'
  let baseline = y
  for (const line of wrap(context, text, PANEL_WIDTH, maxLines)) {
    context.fillText(line, PANEL_X, baseline)
    baseline += lineHeight
  }
  return baseline
}

/**
 * The panel beside the chart: title, organisation, date, legend and indicators, then the footer at the bottom. At
 * `scale` 1 it uses its full sizes; a long title or many notes make the caller try smaller ones until it fits.
 */
function drawPanel(context: CanvasRenderingContext2D, labels: RadarImageLabels, scale: number): number {
  const px = (size: number) => Math.round(size * scale)
  let y = px(52)
  y = drawLines(context, labels.title, y, `bold ${px(32)}px ${FONT}`, TEXT, px(40), 4)
  y = drawLines(context, labels.organisation, y + px(4), `${px(24)}px ${FONT}`, MUTED, px(30), 2)
  y = drawLines(context, labels.updated, y, `${px(22)}px ${FONT}`, MUTED, px(28), 2)
  y += px(20)
  drawLegendLine(context, y, 'prototype', labels.chart.series.prototype, px(22))
  y += px(36)
  drawLegendLine(context, y, 'scaleUp', labels.chart.series.scaleUp, px(22))
  y += px(52)
  for (const { label, value, note } of labels.indicators) {
    y = drawLines(context, label, y, `${px(20)}px ${FONT}`, MUTED, px(28), 2)
    y = drawLines(context, value, y, `bold ${px(24)}px ${FONT}`, TEXT, px(30), 3)
    if (note) y = drawLines(context, note, y - px(4), `${px(18)}px ${FONT}`, MUTED, px(23), 3)
    y += px(12)
  }
  return y
}

/** Draws the image, without the embedded sheet. */
function drawRadarImage(sheet: Sheet, labels: RadarImageLabels): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = IMAGE_WIDTH
  canvas.height = IMAGE_HEIGHT
  const context = canvas.getContext('2d')!
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT)
  drawChart(context, sheet, labels)

  context.font = `16px ${FONT}`
  const footer = wrap(context, labels.footer, PANEL_WIDTH, 3)
  const footerTop = IMAGE_HEIGHT - 24 - footer.length * 21
  // The panel is drawn at the largest size that ends above the footer, on a blank panel each time.
  for (const scale of [1, 0.92, 0.85, 0.78, 0.72]) {
    context.fillStyle = '#ffffff'
    context.fillRect(PANEL_X - 4, 0, IMAGE_WIDTH - PANEL_X + 4, IMAGE_HEIGHT)
    if (drawPanel(context, labels, scale) <= footerTop || scale === 0.72) break
  }
  context.fillStyle = MUTED
  context.font = `16px ${FONT}`
  context.textBaseline = 'alphabetic'
  footer.forEach((line, index) => context.fillText(line, PANEL_X, IMAGE_HEIGHT - 24 - (footer.length - 1 - index) * 21))
  return canvas
}

function toPngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(async (blob) => {
      if (!blob) reject(new Error('Canvas export failed'))
      else resolve(new Uint8Array(await blob.arrayBuffer()))
    }, 'image/png'),
  )
}

/** The PNG of the sheet's radar, with the sheet's file (current format) embedded so the image can be imported back. */
export async function renderRadarImage(sheet: Sheet, labels: RadarImageLabels, exportedAt = new Date()): Promise<Blob> {
  const png = await toPngBytes(drawRadarImage(sheet, labels))
  const withSheet = await addTextChunk(png, serializeSheets([sheet], exportedAt))
  return new Blob([withSheet as BlobPart], { type: 'image/png' })
}
