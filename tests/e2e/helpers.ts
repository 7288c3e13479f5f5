// What several journeys do the same way, as a person would: pick files with the import button.
import { inflateSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

type FileToPick = string | { name: string; mimeType: string; buffer: Buffer }

/** Clicks « Importer des fiches (JSON) » and picks the files in the browser's file chooser. */
export async function importFiles(page: Page, files: FileToPick[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
  await (await chooser).setFiles(files as Parameters<Awaited<typeof chooser>['setFiles']>[0])
}

/** The sheet file a radar PNG carries (its compressed iTXt chunk), read with Node's zlib. */
export function sheetFileInPng(png: Buffer): { sheets: { project: { title: string }; radar: Record<string, unknown> }[] } {
  let offset = 8
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    if (type === 'iTXt') {
      const data = png.subarray(offset + 8, offset + 8 + length)
      const keywordEnd = data.indexOf(0)
      // keyword \0, compression flag, method, language tag \0, translated keyword \0, text.
      const languageEnd = data.indexOf(0, keywordEnd + 3)
      const translatedEnd = data.indexOf(0, languageEnd + 1)
      return JSON.parse(inflateSync(data.subarray(translatedEnd + 1)).toString('utf8'))
    }
    offset += 12 + length
  }
  throw new Error('No sheet in this PNG')
}

/** Runs axe on the page and fails on any serious or critical violation, listed readably. */
export async function expectNoSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  // One readable line per failing element, rather than axe's raw objects.
  const report = serious.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `[${violation.impact}] ${violation.id} (${violation.help}) at ${node.target.join(' ')}: ` +
        (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ; '),
    ),
  )
  expect(report, `axe violations on ${screen}`).toEqual([])
}
