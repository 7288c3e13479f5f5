// Exporting and copying the radar image of a sheet, with every word of the image in French.
import { useI18n } from 'vue-i18n'
import type { Sheet } from '@/domain/sheet'
import { radarImageLabels } from '@/i18n/radar-image-labels'

export function useRadarImage() {
  const { t } = useI18n()
  const labelsFor = (sheet: Sheet) => radarImageLabels(sheet, (key, named) => t(key, named ?? {}))

  async function render(sheet: Sheet): Promise<Blob> {
    const { renderRadarImage } = await import('@/services/radar-image')
    return renderRadarImage(sheet, labelsFor(sheet))
  }

  /** Downloads the image; returns its file name. */
  async function exportImage(sheet: Sheet): Promise<string> {
    const [{ slugify }, { downloadBlob }] = await Promise.all([import('@/domain/exchange'), import('@/services/download')])
    const fileName = `radar-${slugify(sheet.project.title)}.png`
    downloadBlob(fileName, await render(sheet))
    return fileName
  }

  /** Copies the image where the browser allows it; false when it can't. */
  async function copyImage(sheet: Sheet): Promise<boolean> {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false
    // The item takes a promise so Safari keeps the user gesture while the image renders.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': render(sheet) })])
    return true
  }

  return { labelsFor, render, exportImage, copyImage }
}
