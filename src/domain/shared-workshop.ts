// A workshop shared on a CouchDB server: what its documents hold, and what to do when a document changed on the
// server meets the copy in this browser. Pure: the sync engine (storage) asks, the person answers the conflicts.
//
// One database per workshop. Its documents: « workshop » (the details and the members) and « sheet:<id> » (a sheet in
// the exchange format's current version). Each side remembers, per document, the server revision its copy matches
// and the local revision it had then: a local revision that moved since is an edit still to send, whatever happened
// to the tab meanwhile (it is read from what IndexedDB committed, not from a queue in memory).
import { CURRENT_FORMAT_VERSION, migrate } from './migrations'
import { changedFields, mergeSheets } from './sheet-merge'
import { validateSheet, type Sheet } from './sheet'
import { workshopBlockSchema } from './workshop-schema'
import { ratingSchema, type Rating } from './rating-schema'
import { voteSchema, type Vote } from './vote'
import { supersedes } from './vote-file'
import type { WorkshopBlock } from './workshop'

/** The database of a workshop: CouchDB names are lowercase letters, digits and a few signs, starting with a letter. */
export function workshopDatabaseName(workshopId: string): string {
  return `fiche-projet-data-atelier-${workshopId.toLowerCase()}`
}

export const WORKSHOP_DOCUMENT_ID = 'workshop'

/** The ids of one kind of document (« sheet:<id> »…): a document's id, and the id a document's holds (undefined for another kind). */
function documentIds(prefix: string) {
  return {
    documentId: (id: string): string => prefix + id,
    idOf: (documentId: string): string | undefined => (documentId.startsWith(prefix) ? documentId.slice(prefix.length) : undefined),
  }
}

/** A member sheet, under « sheet:<id> ». */
export const { documentId: sheetDocumentId, idOf: sheetIdOf } = documentIds('sheet:')
/** A rating (« avis ») of a member sheet, under « rating:<id> »: written once, never edited (a corrected rating is a new one). */
export const { documentId: ratingDocumentId, idOf: ratingIdOf } = documentIds('rating:')
/** A committee's vote of the workshop (voters, ballots, history, the chair's decisions in one document), under « vote:<id> ». */
export const { documentId: voteDocumentId, idOf: voteIdOf } = documentIds('vote:')

/** A rating's document content (without _id and _rev). */
export function ratingDocument(rating: Rating): { rating: Rating } {
  return { rating }
}

/** The rating a server document holds, validated (undefined when it cannot be read or is filed under another id). */
export function readRatingDocument(document: Record<string, unknown>, expectedId: string): Rating | undefined {
  const result = ratingSchema.safeParse(document.rating)
  return result.success && result.data.id === expectedId ? result.data : undefined
}

export function voteDocument(vote: Vote): { vote: Vote } {
  return { vote }
}

/** The vote a server document holds, validated, of this workshop and under its own id (undefined otherwise). */
export function readVoteDocument(document: Record<string, unknown>, expectedId: string, workshopId: string): Vote | undefined {
  const result = voteSchema.safeParse(document.vote)
  return result.success && result.data.id === expectedId && result.data.workshopId === workshopId ? result.data : undefined
}

/**
 * Two copies of one vote, each with ballots recorded since they last agreed (two laptops in the room, one offline):
 * one vote holding both. Only when they share the same set-up (title, day, rules, groups and candidates) and no
 * group's tie was broken differently; otherwise undefined, and both copies are kept. Voters join by id; the history
 * is the union of both (an event once); each voter's ballot is their latest recorded; confirmed if either was.
 */
export function mergeVotes(mine: Vote, theirs: Vote): Vote | undefined {
  const setUp = (vote: Vote) => JSON.stringify([vote.title, vote.date, vote.rules, vote.groups])
  if (setUp(mine) !== setUp(theirs)) return undefined
  for (const tieBreak of theirs.tieBreaks) {
    const same = mine.tieBreaks.find((candidate) => candidate.groupId === tieBreak.groupId)
    if (same && JSON.stringify(same.order) !== JSON.stringify(tieBreak.order)) return undefined
  }
  const eventKey = (event: Vote['history'][number]) => `${event.kind}|${event.voterId}|${event.at}`
  const history = [...new Map([...mine.history, ...theirs.history].map((event) => [eventKey(event), event])).values()].sort((a, b) =>
    a.at.localeCompare(b.at),
  )
  const ballots = new Map(mine.ballots.map((ballot) => [ballot.voterId, ballot]))
  for (const ballot of theirs.ballots) {
    const current = ballots.get(ballot.voterId)
    if (!current || ballot.recordedAt > current.recordedAt) ballots.set(ballot.voterId, ballot)
  }
  const merged = {
    ...mine,
    updatedAt: mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt,
    voters: [...mine.voters, ...theirs.voters.filter((voter) => !mine.voters.some((known) => known.id === voter.id))],
    ballots: [...ballots.values()],
    history,
    tieBreaks: [...mine.tieBreaks, ...theirs.tieBreaks.filter((tieBreak) => !mine.tieBreaks.some((known) => known.groupId === tieBreak.groupId))],
    confirmedAt: mine.confirmedAt ?? theirs.confirmedAt,
  }
  const checked = voteSchema.safeParse(merged)
  return checked.success ? checked.data : undefined
}

/** What to do with a vote document that changed on the server. */
export type IncomingVote =
  | { kind: 'known' }
  /** Not changed here since the last agreement (or new here, or theirs holds all of this browser's): take theirs. */
  | { kind: 'take'; vote: Vote }
  /** This browser's holds all of theirs: keep it, and send it over theirs. */
  | { kind: 'keep' }
  /** Ballots recorded on both sides: the merge, kept here and sent. */
  | { kind: 'merge'; vote: Vote }
  /** Set up differently on both sides: theirs is kept beside this browser's, as another vote. */
  | { kind: 'keepBoth'; theirs: Vote }
  /** Deleted there, not changed here: removed here. */
  | { kind: 'remove' }
  /** Deleted there, changed here: kept, and sent back. */
  | { kind: 'keepDeletedThere' }

export function decideIncomingVote(
  change: { rev: string; theirs: Vote | undefined },
  local: Vote | undefined,
  known: { rev: string; base?: Vote } | undefined,
): IncomingVote {
  if (known?.rev === change.rev) return { kind: 'known' }
  const unchangedHere = local !== undefined && known?.base !== undefined && JSON.stringify(local) === JSON.stringify(known.base)
  const theirs = change.theirs
  if (!theirs) {
    if (!local) return { kind: 'known' }
    return unchangedHere ? { kind: 'remove' } : { kind: 'keepDeletedThere' }
  }
  if (!local || unchangedHere || supersedes(theirs, local)) return { kind: 'take', vote: theirs }
  if (supersedes(local, theirs)) return { kind: 'keep' }
  const merged = mergeVotes(local, theirs)
  return merged ? { kind: 'merge', vote: merged } : { kind: 'keepBoth', theirs }
}

/** A sheet's document content (without _id and _rev). */
export function sheetDocument(sheet: Sheet): { version: number; sheet: Sheet } {
  return { version: CURRENT_FORMAT_VERSION, sheet }
}

export function workshopDocument(block: WorkshopBlock, sheetIds: readonly string[]): { workshop: WorkshopBlock; sheetIds: string[] } {
  return { workshop: block, sheetIds: [...sheetIds] }
}

/** Why a document from the server was set aside: written by a newer app, or not a sheet this app can read. */
export type UnreadableDocument = 'newerFormat' | 'invalid'

/**
 * The sheet a server document holds, brought to the current format and validated: the server holds what other
 * people wrote, so it is read like a file from elsewhere.
 */
export function readSheetDocument(document: Record<string, unknown>, expectedId: string): { ok: true; sheet: Sheet } | { ok: false; problem: UnreadableDocument } {
  const version = typeof document.version === 'number' && Number.isInteger(document.version) ? document.version : undefined
  if (version === undefined || version < 1) return { ok: false, problem: 'invalid' }
  if (version > CURRENT_FORMAT_VERSION) return { ok: false, problem: 'newerFormat' }
  const migrated = migrate({ version, sheets: [document.sheet] })
  const result = validateSheet((migrated.sheets as unknown[])[0])
  if (!result.ok || result.sheet.id !== expectedId) return { ok: false, problem: 'invalid' }
  return { ok: true, sheet: result.sheet }
}

/** The workshop document's details and members, validated (undefined when it cannot be read). */
export function readWorkshopDocument(document: Record<string, unknown>): { block: WorkshopBlock; sheetIds: string[] } | undefined {
  const block = workshopBlockSchema.safeParse(document.workshop)
  const sheetIds = Array.isArray(document.sheetIds) ? document.sheetIds.filter((id): id is string => typeof id === 'string') : undefined
  return block.success && sheetIds ? { block: block.data, sheetIds } : undefined
}

/** What this browser knows of one document: the server revision its copy matches, and its own revision then. */
export interface SyncedDocument {
  rev: string
  localRevision: number
  /** The content both sides agreed on then: the base of a three-way merge when both changed it. */
  base: Sheet
}

/** What to do with a sheet document that changed on the server. */
export type Incoming =
  /** Nothing new: this browser wrote that revision, or already has it. */
  | { kind: 'known' }
  /** Not edited here since the last agreement (or new here): take the server's sheet. */
  | { kind: 'take'; sheet: Sheet }
  /** Edited on both sides, in different fields: the merge of both, to keep here and send back; theirs is its base. */
  | { kind: 'merge'; sheet: Sheet; fromTheirs: string[]; theirs: Sheet }
  /**
   * Edited on both sides in the same fields (listed, as dotted paths): the person chooses (Garder la mienne /
   * Prendre la leur / Garder les deux).
   */
  | { kind: 'ask'; mine: Sheet; theirs: Sheet; fields: string[] }
  /** Deleted there, not edited here: it leaves the workshop here (the sheet stays in the library). */
  | { kind: 'leave' }
  /** Deleted there, edited here: kept, sent again, and the person is told. */
  | { kind: 'keepDeletedThere'; mine: Sheet }

/**
 * Decides what a server change of a sheet means here. `local` is this browser's sheet with its revision (undefined:
 * not in this library); `known` what was last agreed with the server; `theirs` the server's sheet (undefined:
 * deleted there).
 */
export function decideIncoming(
  change: { rev: string; theirs: Sheet | undefined },
  local: { sheet: Sheet; revision: number } | undefined,
  known: SyncedDocument | undefined,
): Incoming {
  if (known?.rev === change.rev) return { kind: 'known' }
  const editedHere = local !== undefined && (known === undefined || known.localRevision !== local.revision)
  const theirs = change.theirs
  if (!theirs) {
    if (!local) return { kind: 'known' }
    return editedHere ? { kind: 'keepDeletedThere', mine: local.sheet } : { kind: 'leave' }
  }
  if (!local || !editedHere) return { kind: 'take', sheet: theirs }
  if (!known) {
    // They meet for the first time (a sheet already here from a file): the same content is agreement, any
    // difference is for the person, as there is no common version to merge from.
    const fields = changedFields(local.sheet, theirs)
    return fields.length === 0 ? { kind: 'take', sheet: theirs } : { kind: 'ask', mine: local.sheet, theirs, fields }
  }
  const merge = mergeSheets(known.base, local.sheet, theirs)
  if (merge.conflicts.length > 0) return { kind: 'ask', mine: local.sheet, theirs, fields: merge.conflicts.map((conflict) => conflict.path) }
  return { kind: 'merge', sheet: merge.merged, fromTheirs: merge.fromTheirs, theirs }
}

/** Whether this browser's copy holds an edit the server has not received yet. */
export function hasEditToSend(localRevision: number, known: SyncedDocument | undefined): boolean {
  return known === undefined || known.localRevision !== localRevision
}
