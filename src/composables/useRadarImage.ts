// Exporting and copying the radar image of a sheet, with every word of the image in French. The image carries the
// sheet (to import it back): without people's names when « Sans les noms des personnes » is chosen.
// The drawing code and its texts load on first use, so pages that merely offer the button stay light.
import type { Sheet } from '@/domain/sheet'
import { useTranslate } from './useTranslate'
import { useWithoutNames } from './useWithoutNames'

export function useRadarImage() {
  const { t } = useTranslate()
  const { namesForExport } = useWithoutNames()

  async function render(sheet: Sheet): Promise<Blob> {
    const names = namesForExport()
    const [{ renderRadarImage }, { radarImageLabels }, { withoutPersonNames }] = await Promise.all([
      import('@/services/radar-image'),
      import('@/presentation/radar-image-labels'),
      import('@/domain/anonymise'),
      // The series names (and the stakeholders' roles) are the editor's words, not yet loaded in the library.
      import('@/i18n/sheet-messages'),
    ])
    const leaving = names ? withoutPersonNames(sheet, names) : sheet
    return renderRadarImage(leaving, radarImageLabels(leaving, t))
  }

  /** Downloads the image; returns its file name. */
  async function exportImage(sheet: Sheet): Promise<string> {
    const [{ radarImageFileName }, { downloadBlob }] = await Promise.all([import('@/domain/file-names'), import('@/services/download')])
    const fileName = radarImageFileName(sheet.project.title)
    downloadBlob(fileName, await render(sheet))
    return fileName
  }

  /** Copies the image where the browser allows it; false when it can't. */
  async function copyImage(sheet: Sheet): Promise<boolean> {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false
    // The item takes a promise so the browser keeps the user's gesture while the image renders.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': render(sheet) })])
    return true
  }

  return { render, exportImage, copyImage }
}
