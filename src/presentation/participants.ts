// Who a restitution is talking about. Five people's sheets for the same project share a title: on the wall, in the
// table and on the matrix, each must still say whose it is. Pure, unit tested.

export interface ParticipantSheet {
  id: string
  title: string
  author: string
  organisation: string
}

export interface ParticipantName {
  title: string
  /** The author, else the organisation, else ''. */
  who: string
  /** Another sheet of the group has the same title: the name adds who wrote it. */
  shared: boolean
  /** « Titre — Autrice », or the title alone when it is the group's only sheet with that title. */
  name: string
}

/** Titles compared as a reader would: spaces, case and Unicode forms don't make two titles different. */
function titleKey(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr')
}

/** Who wrote a sheet, as the room knows them: its author, else its organisation. */
export function sheetWho(sheet: Pick<ParticipantSheet, 'author' | 'organisation'>): string {
  return sheet.author.trim() || sheet.organisation.trim()
}

/**
 * The name of each sheet of a group, by id: its title, and who wrote it whenever another sheet of the group has the
 * same title. When the same person wrote both (or nobody signed), a number tells them apart: « (2) ».
 */
export function participantNames(sheets: readonly ParticipantSheet[]): Map<string, ParticipantName> {
  const byTitle = new Map<string, number>()
  for (const sheet of sheets) byTitle.set(titleKey(sheet.title), (byTitle.get(titleKey(sheet.title)) ?? 0) + 1)
  const seen = new Map<string, number>()
  const names = new Map<string, ParticipantName>()
  for (const sheet of sheets) {
    const who = sheetWho(sheet)
    const shared = (byTitle.get(titleKey(sheet.title)) ?? 0) > 1
    let name = shared && who ? `${sheet.title} — ${who}` : sheet.title
    if (shared) {
      const key = titleKey(name)
      const rank = (seen.get(key) ?? 0) + 1
      seen.set(key, rank)
      if (rank > 1) name = `${name} (${rank})`
    }
    names.set(sheet.id, { title: sheet.title, who, shared, name })
  }
  return names
}

/**
 * A name in at most `max` characters: the title is shortened between words, who wrote it stays whole (it is what
 * tells two look-alike sheets apart).
 */
export function shortName(name: Pick<ParticipantName, 'title' | 'name'>, max: number): string {
  if (name.name.length <= max) return name.name
  const suffix = name.name.slice(name.title.length)
  return `${shortenBetweenWords(name.title, Math.max(12, max - suffix.length))}${suffix}`
}

/** A text shortened between words beyond `max` characters, ending with « … ». */
function shortenBetweenWords(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
