// The IndexedDB database, through Dexie. Only the storage layer imports this module.
import Dexie, { type EntityTable, type Transaction } from 'dexie'
import type { RowKeys } from '@/domain/sheet-edit'
import type { Rating } from '@/domain/rating'
import type { Sheet } from '@/domain/sheet'
import type { Vote } from '@/domain/vote'
import type { Workshop } from '@/domain/workshop'
import type { SyncedDocument } from '@/domain/shared-workshop'
import type { SharedWorkshopRecord, SyncConflictRecord, SyncedVote, SyncedWorkshop } from './workshop-sync'
import { completeStoredSheet } from '@/domain/migrations'
import { summarise, type SheetSummary } from '@/domain/summary'

/**
 * The editor's working copy when it holds more than the stored sheet (a field not valid yet, a row not filled in),
 * so no typing is lost; never exported. Its content may be invalid.
 */
export interface DraftRecord {
  id: string
  savedAt: string
  content: Sheet
  /**
   * The stored revision the draft was edited from; a draft based on another revision is offered, not applied.
   * Drafts written before revisions existed carry the stored updatedAt instead (`baseUpdatedAt`).
   */
  baseRevision?: number
  baseUpdatedAt?: string
  /** Which row of the draft is which row of the stored sheet (absent in drafts written before it existed). */
  rowKeys?: { draft: RowKeys; stored: RowKeys }
}

/**
 * A sheet's summary as stored (the domain's SheetSummary; *Record as every stored shape here), plus its revision: a counter of this browser's writes of the sheet, raised
 * inside each write transaction. Two tabs tell versions apart by it, never by a clock, which may be wrong (an
 * imported sheet stamped by a machine whose clock is ahead keeps its updatedAt for a while).
 */
export interface SummaryRecord extends SheetSummary {
  revision: number
  /**
   * When this browser last changed the sheet (created, edited, duplicated, restored); absent for a sheet that came
   * from a file and was not edited here since. A sheet only in this browser is what a backup must save.
   */
  editedAt?: string
  /** When the sheet was last imported from a file. */
  importedAt?: string
}

/** A deleted sheet, kept so that "Annuler" can bring it back. */
export interface TrashRecord {
  id: string
  deletedAt: string
  sheet: Sheet
  /** The revision it had: a restored sheet takes the next one, so no tab mistakes it for an older version. */
  revision?: number
}

/** What was last agreed with the server on one sheet of a shared workshop. */
export interface SyncedSheetRecord extends SyncedDocument {
  workshopId: string
  sheetId: string
}

/** A rating of a shared workshop's sheet that this browser and the server agree on, with its server revision. */
export interface SyncedRatingRecord {
  workshopId: string
  ratingId: string
  rev: string
}

/** What was last agreed with the server on a vote of a shared workshop. */
export interface SyncedVoteRecord extends SyncedVote {
  workshopId: string
  voteId: string
}

/** What was last agreed with the server on a shared workshop's document. */
export interface SyncedWorkshopRecord extends SyncedWorkshop {
  workshopId: string
}

const DEFAULT_DATABASE_NAME = 'fiche-projet-data'

/** What the app wants to hear about the connection: a newer app version opening the database elsewhere. */
interface DatabaseListeners {
  /** Another tab runs a newer version: this connection is closing; the page must reload to go on. */
  versionChange?: () => void
  /** This tab needs a newer schema but an older tab keeps the database open. */
  blocked?: () => void
}

export const databaseListeners: DatabaseListeners = {}

export class SheetDatabase extends Dexie {
  sheets!: EntityTable<Sheet, 'id'>
  summaries!: EntityTable<SummaryRecord, 'id'>
  drafts!: EntityTable<DraftRecord, 'id'>
  trash!: EntityTable<TrashRecord, 'id'>
  workshops!: EntityTable<Workshop, 'id'>
  ratings!: EntityTable<Rating, 'id'>
  votes!: EntityTable<Vote, 'id'>
  sharedWorkshops!: EntityTable<SharedWorkshopRecord, 'workshopId'>
  syncedSheets!: Dexie.Table<SyncedSheetRecord, [string, string]>
  syncedWorkshops!: EntityTable<SyncedWorkshopRecord, 'workshopId'>
  syncConflicts!: Dexie.Table<SyncConflictRecord, [string, string]>
  syncedRatings!: Dexie.Table<SyncedRatingRecord, [string, string]>
  syncedVotes!: Dexie.Table<SyncedVoteRecord, [string, string]>

  constructor(name = DEFAULT_DATABASE_NAME) {
    super(name)
    // Whole sheets are keyed by id only; the library reads the small summaries, which carry the indexes.
    this.version(1).stores({
      sheets: 'id',
      summaries: 'id, updatedAt, title, organisation, phase, *tags',
      drafts: 'id',
      trash: 'id, deletedAt',
    })
    // Version 2: summaries are rebuilt from the sheets (they gain the author), with revision 1; sheets stored
    // before count as edited here at their last update, so the backup reminder keeps covering them.
    this.version(2)
      .stores({ summaries: 'id, updatedAt, title, organisation, phase, *tags' })
      .upgrade(async (transaction) => {
        const sheets = (await transaction.table('sheets').toArray()) as Sheet[]
        await transaction
          .table('summaries')
          .bulkPut(sheets.map((sheet) => ({ ...summarise(sheet), revision: 1, editedAt: sheet.updatedAt })))
      })
    // Version 3 (format v2): stored sheets, deleted ones and drafts gain the new fields (problem, domain, origin,
    // decision, snapshots) at their empty values; summaries gain the domain and the decision, and keep their
    // revision and dates.
    this.version(3)
      .stores({ summaries: 'id, updatedAt, title, organisation, phase, *tags' })
      .upgrade(completeStoredRecords)
    // Version 4: workshops, named groups of sheets; a sheet's workshops are found through the multi-entry index.
    this.version(4).stores({ workshops: 'id, updatedAt, *sheetIds' })
    // Version 5: ratings (« avis »), several people's scores of a sheet, found by the sheet's id.
    this.version(5).stores({ ratings: 'id, sheetId' })
    // Version 6: a workshop's ranked votes, one record each, found by the workshop's id.
    this.version(6).stores({ votes: 'id, workshopId, updatedAt' })
    // Version 7 (format v3): sheets, deleted ones and drafts gain the short label and the decision's source and
    // history; summaries gain the short label. The same completion as version 3, which fills whatever is missing.
    this.version(7).upgrade(completeStoredRecords)
    // Version 8: workshops shared on a server — which (and where their changes were read up to), what was last
    // agreed with the server on each document (sheets, the workshop, ratings, votes), and the conflicts waiting for the person.
    this.version(8).stores({
      sharedWorkshops: 'workshopId',
      syncedSheets: '[workshopId+sheetId], workshopId',
      syncedWorkshops: 'workshopId',
      syncConflicts: '[workshopId+sheetId], workshopId',
      syncedRatings: '[workshopId+ratingId], workshopId',
      syncedVotes: '[workshopId+voteId], workshopId',
    })
    // Dexie closes this connection on versionchange so the other tab can upgrade; the page is told why.
    this.on('versionchange', () => {
      databaseListeners.versionChange?.()
    })
    this.on('blocked', () => {
      databaseListeners.blocked?.()
    })
  }
}

/**
 * Gives every stored sheet — kept, deleted, or a draft — the fields of the current format it lacks
 * (completeStoredSheet), and rebuilds the summaries from them, keeping their revision and dates.
 */
async function completeStoredRecords(transaction: Transaction): Promise<void> {
  const sheets = ((await transaction.table('sheets').toArray()) as Sheet[]).map(completeStoredSheet)
  await transaction.table('sheets').bulkPut(sheets)
  const summaries = new Map(
    ((await transaction.table('summaries').toArray()) as SummaryRecord[]).map((summary) => [summary.id, summary]),
  )
  await transaction.table('summaries').bulkPut(
    sheets.map((sheet) => {
      const { revision = 1, editedAt, importedAt } = summaries.get(sheet.id) ?? {}
      return {
        ...summarise(sheet),
        revision,
        ...(editedAt ? { editedAt } : {}),
        ...(importedAt ? { importedAt } : {}),
      }
    }),
  )
  await transaction
    .table('trash')
    .toCollection()
    .modify((record: TrashRecord) => {
      record.sheet = completeStoredSheet(record.sheet)
    })
  await transaction
    .table('drafts')
    .toCollection()
    .modify((record: DraftRecord) => {
      record.content = completeStoredSheet(record.content)
    })
}
