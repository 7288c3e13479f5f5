// The groups a vote starts with: a workshop's sheets grouped by their domain (the commission or theme the project
// belongs to), as the Comité Territorial de la Donnée ranked its use cases commission by commission.
import { organisationKey, type Candidate } from './vote'

export interface CandidateSource {
  id: string
  title: string
  /** The sheet's short name (format v3): a ballot and a results bar name it so when it has one. */
  shortLabel?: string
  domain: string
}

export interface ProposedGroup {
  /** The domain as first written; '' for sheets whose domain is not said. */
  label: string
  candidates: Candidate[]
}

/**
 * One group per domain, in the order the domains first appear among the sheets; domains written differently only
 * in case, accents or spaces are one group. Sheets without a title are left out: a ballot could not name them.
 */
export function groupsByDomain(sheets: readonly CandidateSource[]): ProposedGroup[] {
  const groups = new Map<string, ProposedGroup>()
  for (const sheet of sheets) {
    const title = sheet.title.trim()
    if (!title) continue
    const name = sheet.shortLabel?.trim() || title
    const label = sheet.domain.trim()
    const key = organisationKey(label)
    const group = groups.get(key) ?? { label, candidates: [] }
    group.candidates.push({ sheetId: sheet.id, label: name })
    groups.set(key, group)
  }
  return [...groups.values()]
}
