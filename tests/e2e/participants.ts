// The sheets a facilitator gathers in the restitution journeys: six participants made from the example sheets
// (five complete radars, one in each quadrant at least, and one left incomplete), and five people's scores of the
// same project. Read from the app's own examples, so the figures are the domain's.
import { readFileSync } from 'node:fs'
import type { RadarScores } from '../../src/domain/grid'

export interface BundleSheet {
  id: string
  organisation: string
  author: string
  tags: string[]
  project: { title: string; problem: string }
  decision: { status: string }
  radar: RadarScores
}

const exampleFile = JSON.parse(readFileSync(new URL('../../src/content/example-sheets.json', import.meta.url), 'utf8')) as {
  sheets: (BundleSheet & { project: { shortLabel?: string } })[]
}
/**
 * The examples as participants' own sheets: without the committee's short names (« Téléphonie mobile »), so the
 * restitution and the vote name each sheet by the title a journey gives it. decision-history.spec.ts covers the
 * short names.
 */
export const examples = {
  ...exampleFile,
  sheets: exampleFile.sheets.map((sheet) => ({ ...sheet, project: { ...sheet.project, shortLabel: '' } })),
} as { sheets: BundleSheet[] }

/** Six participants: five full radars, one in each quadrant at least, and one radar left incomplete. */
const PICKED = [0, 2, 3, 7, 10, 4]
export const participants: BundleSheet[] = PICKED.map((index, position) => {
  const sheet = structuredClone(examples.sheets[index]!)
  sheet.id = `5a1e0c3d-0000-4000-8000-00000000000${position + 1}`
  sheet.organisation = `Commune participante ${position + 1}`
  sheet.tags = ['parcours-data']
  return sheet
})

/** A file of these sheets, as a participant's export, for Playwright's file chooser. */
export function fileOf(sheets: readonly BundleSheet[], name = 'participants.json') {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...examples, sheets })) }
}

/** Five people's scores of the same project: one title, five authors, five radars. */
export const FIVE_AUTHORS = ['Camille Martin', 'Dominique Petit', 'Alex Moreau', 'Sacha Laurent', 'Noa Garcia']
export const sameProject: BundleSheet[] = FIVE_AUTHORS.map((author, position) => {
  const sheet = structuredClone(examples.sheets[7]!)
  sheet.id = `5a1e0c3d-0000-4000-8000-00000000010${position}`
  sheet.author = author
  sheet.organisation = 'Métropole exemple'
  for (const [theme, id] of Object.keys(sheet.radar).entries()) {
    const scores = sheet.radar[id as keyof RadarScores] as { prototype: number | null; scaleUp: number | null }
    scores.prototype = (theme + position) % 5
    scores.scaleUp = (theme * 3 + position) % 4
  }
  return sheet
})
