// The IndexedDB database, through Dexie. Only the storage layer imports this module.
import Dexie, { type EntityTable } from 'dexie'
import type { RowKeys } from '@/domain/sheet-edit'
import type { Sheet } from '@/domain/sheet'
import type { SheetSummary } from '@/domain/summary'

/**
 * The editor's working copy when it holds more than the stored sheet (a field not valid yet, a row not filled in),
 * so no typing is lost; never exported. Its content may be invalid.
 */
export interface DraftRecord {
  id: string
  savedAt: string
  content: Sheet
  /** The stored version the draft was edited from; a draft based on an older version is offered, not applied. */
  baseUpdatedAt?: string
  /** Which row of the draft is which row of the stored sheet (absent in drafts written before it existed). */
  rowKeys?: { draft: RowKeys; stored: RowKeys }
}

/** A deleted sheet, kept so that "Annuler" can bring it back. */
export interface TrashRecord {
  id: string
  deletedAt: string
  sheet: Sheet
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
  summaries!: EntityTable<SheetSummary, 'id'>
  drafts!: EntityTable<DraftRecord, 'id'>
  trash!: EntityTable<TrashRecord, 'id'>

  constructor(name = DEFAULT_DATABASE_NAME) {
    super(name)
    // Whole sheets are keyed by id only; the library reads the small summaries, which carry the indexes.
    this.version(1).stores({
      sheets: 'id',
      summaries: 'id, updatedAt, title, organisation, phase, *tags',
      drafts: 'id',
      trash: 'id, deletedAt',
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
