// « Sans les noms des personnes »: what leaves the browser (a file, an image, a link, QR codes, a spreadsheet, a
// print) without the names of the people a sheet mentions. The author and the facilitator become a neutral label;
// each stakeholder's name becomes its role (numbered when several share it), its organisation staying. Free text
// (description, notes, comments) is kept as written: only a person can tell a name there, and the option says so.
import type { Sheet, Stakeholder } from './sheet'
import type { WorkshopBlock } from './workshop'

/** The words that take the names' place, in the reader's language (the presentation layer gives them). */
export interface NeutralNames {
  author: string
  facilitator: string
  /** A stakeholder by its role; `rank` (1, 2…) only when several stakeholders share the role. */
  stakeholder: (role: Stakeholder['role'], rank: number | null) => string
}

/** The sheet with its people's names replaced; the sheet given is not changed. */
export function withoutPersonNames(sheet: Sheet, names: NeutralNames): Sheet {
  const copy = structuredClone(sheet)
  if (copy.author.trim() !== '') copy.author = names.author
  const perRole = new Map<Stakeholder['role'], number>()
  for (const stakeholder of copy.project.stakeholders) perRole.set(stakeholder.role, (perRole.get(stakeholder.role) ?? 0) + 1)
  const seen = new Map<Stakeholder['role'], number>()
  for (const stakeholder of copy.project.stakeholders) {
    const rank = (seen.get(stakeholder.role) ?? 0) + 1
    seen.set(stakeholder.role, rank)
    stakeholder.name = names.stakeholder(stakeholder.role, perRole.get(stakeholder.role)! > 1 ? rank : null)
  }
  return copy
}

/** A workshop's block without its facilitator's name. */
export function workshopWithoutNames<T extends WorkshopBlock>(workshop: T, names: NeutralNames): T {
  return { ...workshop, facilitator: workshop.facilitator.trim() === '' ? workshop.facilitator : names.facilitator }
}
