// The radar as a PNG for slides and reports: drawn off screen at a fixed size (independent of the window and of
// devicePixelRatio), without animation so two exports give the same pixels, and carrying its sheet in an iTXt chunk.
import { addTextChunk } from '@/domain/png-chunk'
import { serializeSheets } from '@/domain/exchange'
import type { Sheet } from '@/domain/sheet'
import { Chart } from '@/presentation/chart-registry'
import { buildRadarData, buildRadarOptions, IMAGE_FONT as FONT, RADAR_COLORS, SERIES_STYLE } from '@/presentation/radar-chart'
import type { RadarImageLabels } from '@/presentation/radar-image-labels'

export const IMAGE_WIDTH = 1600
export const IMAGE_HEIGHT = 1000
const CHART_SIZE = 960
const PANEL_X = 1010
const PANEL_WIDTH = IMAGE_WIDTH - PANEL_X - 40
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
  canvas.width = CHART_SIZE
  canvas.height = CHART_SIZE
  const chart = new Chart(canvas, {
    type: 'radar',
    data: buildRadarData(sheet.radar, labels.chart, 'image'),
    options: buildRadarOptions(labels.chart, 'image'),
  })
  // With animation off, Chart.js has drawn synchronously; copy the pixels before destroy() clears them.
  target.drawImage(canvas, 20, 20)
  chart.destroy()
}

function drawLegendLine(context: CanvasRenderingContext2D, y: number, axis: 'prototype' | 'scaleUp', text: string) {
  context.save()
  context.strokeStyle = RADAR_COLORS[axis]
  context.fillStyle = RADAR_COLORS[axis]
  context.lineWidth = 4
  context.setLineDash(SERIES_STYLE[axis].dash.map((length) => length * 1.5))
  context.beginPath()
  context.moveTo(PANEL_X, y)
  context.lineTo(PANEL_X + 60, y)
  context.stroke()
  context.setLineDash([])
  context.beginPath()
  if (SERIES_STYLE[axis].point === 'circle') context.arc(PANEL_X + 30, y, 7, 0, 2 * Math.PI)
  else {
    context.moveTo(PANEL_X + 30, y - 9)
    context.lineTo(PANEL_X + 39, y)
    context.lineTo(PANEL_X + 30, y + 9)
    context.lineTo(PANEL_X + 21, y)
    context.closePath()
  }
  context.fill()
  context.restore()
  context.fillStyle = TEXT
  context.font = `24px ${FONT}`
  context.textBaseline = 'middle'
  context.fillText(text, PANEL_X + 76, y)
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

  let y = 60
  context.textBaseline = 'alphabetic'
  context.fillStyle = TEXT
  context.font = `bold 38px ${FONT}`
  for (const line of wrap(context, labels.title, PANEL_WIDTH, 4)) {
    context.fillText(line, PANEL_X, y)
    y += 46
  }
  context.font = `26px ${FONT}`
  context.fillStyle = MUTED
  for (const line of wrap(context, labels.organisation, PANEL_WIDTH, 2)) {
    y += 6
    context.fillText(line, PANEL_X, y)
    y += 30
  }
  context.fillText(labels.updated, PANEL_X, y + 6)
  y += 70

  drawLegendLine(context, y, 'prototype', labels.chart.series.prototype)
  y += 44
  drawLegendLine(context, y, 'scaleUp', labels.chart.series.scaleUp)
  y += 64

  context.textBaseline = 'alphabetic'
  for (const { label, value, note } of labels.indicators) {
    context.fillStyle = MUTED
    context.font = `22px ${FONT}`
    context.fillText(label, PANEL_X, y)
    y += 34
    context.fillStyle = TEXT
    context.font = `bold 28px ${FONT}`
    for (const line of wrap(context, value, PANEL_WIDTH, 3)) {
      context.fillText(line, PANEL_X, y)
      y += 34
    }
    if (note) {
      context.fillStyle = MUTED
      context.font = `20px ${FONT}`
      for (const line of wrap(context, note, PANEL_WIDTH, 2)) {
        context.fillText(line, PANEL_X, y)
        y += 26
      }
    }
    y += 14
  }

  context.fillStyle = MUTED
  context.font = `18px ${FONT}`
  const footer = wrap(context, labels.footer, PANEL_WIDTH, 3)
  footer.forEach((line, index) => context.fillText(line, PANEL_X, IMAGE_HEIGHT - 30 - (footer.length - 1 - index) * 24))
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

/** The PNG of the sheet's radar, with the sheet's v1 file embedded so the image can be imported back. */
export async function renderRadarImage(sheet: Sheet, labels: RadarImageLabels, exportedAt = new Date()): Promise<Blob> {
  const png = await toPngBytes(drawRadarImage(sheet, labels))
  const withSheet = await addTextChunk(png, serializeSheets([sheet], exportedAt))
  return new Blob([withSheet as BlobPart], { type: 'image/png' })
}
