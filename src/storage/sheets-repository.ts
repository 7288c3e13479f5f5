// The one module the stores call to read and write sheets. A saved or restored sheet is validated with the sheet
// schema first (imported sheets arrive validated by the file's parser), a sheet and its summary are always written in the same transaction, and each write raises the sheet's revision
// there, so that a write based on an older revision (another tab, an import question answered late) is refused.
import { placeRating, type Rating } from '@/domain/rating'
import type { RowKeys } from '@/domain/sheet-edit'
import type { Sheet, SheetValidation } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import { decoratedTitle } from '@/domain/titles'
import { trashEntry, type TrashEntry } from '@/domain/trash'
import { SheetDatabase, type DraftRecord, type SummaryRecord, type TrashRecord } from './db'
import { observeChanges, observeValues } from './live-changes'

type SheetModule = typeof import('@/domain/sheet')
// The schema (and Zod with it) loads on the first write, so the library page opens without it. Once loaded it is
// kept, so that a save started while the page goes away opens its transaction without waiting for anything.
let sheetModule: SheetModule | undefined
async function loadSheetModule(): Promise<SheetModule> {
  sheetModule ??= await import('@/domain/sheet')
  return sheetModule
}

/** A sheet as stored, with the revision that identifies this version of it. */
export interface StoredSheet {
  sheet: Sheet
  revision: number
  /** Set when the sheet came from a file and was not changed here since: the date of that import. */
  importedAt?: string
}

/** A save refused because the stored sheet is no longer the version it was based on. */
export interface SaveConflict {
  ok: false
  /** The version now stored (another tab saved it, or an import replaced it). */
  conflict: Sheet
  revision: number
}

/** A save refused because the sheet was deleted meanwhile (in another tab). */
export interface SaveDeleted {
  ok: false
  deleted: true
}

export type SaveResult = (SheetValidation & { revision?: number }) | SaveConflict | SaveDeleted

export function isSaveConflict(result: SaveResult): result is SaveConflict {
  return !result.ok && 'conflict' in result
}

export function isSaveDeleted(result: SaveResult): result is SaveDeleted {
  return !result.ok && 'deleted' in result
}

/** What "Annuler" after a deletion found. */
export type RestoreResult =
  | { status: 'restored'; sheet: Sheet }
  /** A sheet with that id is back in the library (re-created elsewhere, imported): nothing was overwritten. */
  | { status: 'exists'; current: Sheet; deleted: Sheet }
  | { status: 'missing' }

/** What became of the ratings an import brought (see placeRating). */
interface RatingsWritten {
  added: number
  replaced: number
  duplicate: number
}

/** An import refused because some local sheets changed after the person compared them. */
interface ImportChanged {
  ok: false
  changed: string[]
}

/** A working copy to keep beside the stored sheet, with the keys that pair their rows. */
interface DraftInput {
  content: Sheet
  rowKeys?: { draft: RowKeys; stored: RowKeys }
}

const IMPORT_CHUNK = 1_000

export interface SheetsRepository {
  create(options: { title: string; organisation?: string; tags?: string[] }): Promise<Sheet>
  get(id: string): Promise<Sheet | undefined>
  /** The sheet with its revision, for the editor. */
  getStored(id: string): Promise<StoredSheet | undefined>
  /** Summaries of every sheet, most recently updated first. */
  listSummaries(): Promise<SummaryRecord[]>
  /** Loads what saving needs, so that a later save starts its transaction at once (e.g. as the page goes away). */
  prepareToSave(): Promise<void>
  /**
   * Validates, stamps updatedAt and writes; an invalid sheet is never written. With `expectedRevision`, the write
   * happens only if the stored sheet is still that revision (null: only if it does not exist). In the same
   * transaction, the editor's draft is replaced by `draft` (based on the new revision) or, without one, removed.
   */
  save(
    candidate: Sheet,
    options?: { touch?: boolean; expectedRevision?: number | null; draft?: DraftInput },
  ): Promise<SaveResult>
  /** Calls back with the stored sheet and its revision whenever it changes, in this tab or another. */
  observeSheet(id: string, onChange: (stored: StoredSheet | undefined) => void): () => void
  /** Calls back whenever any sheet is added, changed or removed, in this tab or another. */
  observeLibrary(onChange: () => void): () => void
  duplicate(id: string, copyTitle: (title: string) => string): Promise<Sheet>
  /** Moves the sheet to the trash, from where restore() can bring it back. */
  remove(id: string): Promise<void>
  /** Brings a deleted sheet back, unless a sheet with its id exists again (then nothing is overwritten). */
  restore(id: string): Promise<RestoreResult>
  /** Brings a deleted sheet back beside the one that took its place: new id, title from `copyTitle`. */
  restoreAsCopy(id: string, copyTitle: (title: string) => string): Promise<Sheet | undefined>
  /** The deleted sheets (« Corbeille »), most recently deleted first. */
  listTrash(): Promise<TrashEntry[]>
  /**
   * Brings these deleted sheets back in one transaction, each by the rules of restore(): one whose id is in the
   * library again is left in the trash and reported ('exists'). The results by id, in the order given.
   */
  restoreMany(ids: readonly string[]): Promise<Map<string, RestoreResult>>
  /** Erases these deleted sheets for good; returns how many of them were in the trash. */
  eraseFromTrash(ids: readonly string[]): Promise<number>
  purgeTrash(olderThan: Date): Promise<number>
  /** The stored sheets among these ids (missing ones are left out). */
  getMany(ids: readonly string[]): Promise<Sheet[]>
  /** Revisions of these sheets as stored now (missing ones are left out). */
  revisions(ids: readonly string[]): Promise<Map<string, number>>
  /** Every sheet, most recently updated first (for a full backup). */
  getAll(): Promise<Sheet[]>
  /**
   * Writes already-validated sheets in one transaction: either all of them are stored, or none (a failure such as
   * QuotaExceededError rolls the whole import back and rejects). With `expectedRevisions` (null: absent), nothing
   * is written if any of those sheets changed since the person compared it; the ids that changed are returned.
   * Written, it gives each sheet's new revision (what a server's copy of it now matches).
   */
  importSheets(
    sheets: readonly Sheet[],
    options?: { expectedRevisions?: ReadonlyMap<string, number | null>; ratings?: readonly Rating[] },
  ): Promise<{ ok: true; ratings: RatingsWritten; revisions: Map<string, number> } | ImportChanged>
  /** How many ratings each rated sheet has. */
  ratingCounts(): Promise<Map<string, number>>
  /** A sheet's ratings, in the order they were received. */
  listRatings(sheetId: string): Promise<Rating[]>
  /** Stores a rating as it is (a rating gathered by hand, or one put back by « Annuler »). */
  putRating(rating: Rating): Promise<void>
  /** Removes a rating and gives it back (for « Annuler »). */
  removeRating(id: string): Promise<Rating | undefined>
  /** Calls back with a sheet's ratings whenever they change, in this tab or another. */
  observeRatings(sheetId: string, onChange: (ratings: Rating[]) => void): () => void
  getDraft(id: string): Promise<DraftRecord | undefined>
  saveDraft(content: Sheet, baseRevision?: number, rowKeys?: DraftRecord['rowKeys']): Promise<void>
  discardDraft(id: string): Promise<void>
  close(): void
}

function laterOf(now: Date, createdAt: string): string {
  // A clock set back must not produce updatedAt < createdAt, which the format forbids.
  return new Date(Math.max(now.getTime(), Date.parse(createdAt))).toISOString()
}

export function createSheetsRepository(db = new SheetDatabase()): SheetsRepository {
  /**
   * Writes a valid sheet changed in this browser, and its summary with the next revision; inside a transaction on
   * both tables. The change is dated (editedAt): it is what a backup must save.
   */
  async function putSheet(sheet: Sheet, previous?: SummaryRecord): Promise<number> {
    const before = previous ?? (await db.summaries.get(sheet.id))
    const revision = (before?.revision ?? 0) + 1
    await db.sheets.put(sheet)
    await db.summaries.put({ ...summarise(sheet), revision, editedAt: new Date().toISOString(), importedAt: before?.importedAt })
    return revision
  }

  /** The stored sheet with what the editor shows of its history, from its summary. */
  function stored(sheet: Sheet | undefined, summary: SummaryRecord | undefined): StoredSheet | undefined {
    if (!sheet) return undefined
    const importedOnly = summary?.importedAt !== undefined && summary.editedAt === undefined
    return { sheet, revision: summary?.revision ?? 1, importedAt: importedOnly ? summary.importedAt : undefined }
  }

  /** Brings one deleted sheet back, inside a transaction on the sheets, summaries, drafts and trash. */
  async function restoreFromTrash(id: string, { validateSheet }: SheetModule): Promise<RestoreResult> {
    const record = await db.trash.get(id)
    if (!record) return { status: 'missing' }
    const current = await db.sheets.get(id)
    // Something took its place since the deletion: a restore must not overwrite it.
    if (current) return { status: 'exists', current, deleted: record.sheet }
    const result = validateSheet(record.sheet)
    if (!result.ok) return { status: 'missing' }
    await putSheet(result.sheet, { ...summarise(result.sheet), revision: record.revision ?? 1 })
    await db.trash.delete(id)
    return { status: 'restored', sheet: result.sheet }
  }

  /**
   * Erases deleted sheets for good, with their ratings (unless a sheet of the same id is in the library again);
   * returns how many were erased.
   */
  function eraseForGood(records: ReturnType<SheetDatabase['trash']['toCollection']>): Promise<number> {
    return db.transaction('rw', [db.trash, db.sheets, db.ratings], async () => {
      const ids = await records.primaryKeys()
      const present = await db.sheets.bulkGet(ids)
      const gone = ids.filter((_, index) => present[index] === undefined)
      if (gone.length > 0) await db.ratings.where('sheetId').anyOf(gone).delete()
      // By key: the collection has been read once already, and a second pass over it may not see every record.
      await db.trash.bulkDelete(ids)
      return ids.length
    })
  }

  async function ratingsOf(sheetId: string): Promise<Rating[]> {
    const ratings = await db.ratings.where('sheetId').equals(sheetId).toArray()
    return ratings.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id))
  }

  async function writeValid(sheet: Sheet): Promise<void> {
    await db.transaction('rw', db.sheets, db.summaries, db.drafts, async () => {
      await putSheet(sheet)
      await db.drafts.delete(sheet.id)
    })
  }

  return {
    async create(options) {
      const { createSheet } = await loadSheetModule()
      const sheet = createSheet(options)
      await writeValid(sheet)
      return sheet
    },

    get: (id) => db.sheets.get(id),

    async getStored(id) {
      return db.transaction('r', db.sheets, db.summaries, async () => {
        const [sheet, summary] = await Promise.all([db.sheets.get(id), db.summaries.get(id)])
        return stored(sheet, summary)
      })
    },

    listSummaries: () => db.summaries.orderBy('updatedAt').reverse().toArray(),

    async prepareToSave() {
      await loadSheetModule()
      if (!db.isOpen()) await db.open()
    },

    save(candidate, options = {}) {
      // No await before the transaction starts once the schema is loaded (prepareToSave): a save begun in a
      // `pagehide` handler must reach IndexedDB before the page is gone.
      const write = ({ validateSheet }: SheetModule): Promise<SaveResult> => {
        const stamped =
          options.touch === false ? candidate : { ...candidate, updatedAt: laterOf(new Date(), candidate.createdAt) }
        const result = validateSheet(stamped)
        if (!result.ok) return Promise.resolve(result)
        return db.transaction('rw', db.sheets, db.summaries, db.drafts, async (): Promise<SaveResult> => {
          const summary = await db.summaries.get(result.sheet.id)
          if (options.expectedRevision !== undefined) {
            const stored = summary && (await db.sheets.get(result.sheet.id))
            if (options.expectedRevision !== null && !stored) return { ok: false, deleted: true }
            if (stored && summary.revision !== options.expectedRevision)
              return { ok: false, conflict: stored, revision: summary.revision }
          }
          const revision = await putSheet(result.sheet, summary)
          if (options.draft) {
            const { content, rowKeys } = options.draft
            await db.drafts.put({
              id: result.sheet.id,
              savedAt: new Date().toISOString(),
              content,
              baseRevision: revision,
              rowKeys,
            })
          } else await db.drafts.delete(result.sheet.id)
          return { ...result, revision }
        })
      }
      return sheetModule ? write(sheetModule) : loadSheetModule().then(write)
    },

    observeSheet(id, onChange) {
      return observeValues(async () => {
        const [sheet, summary] = await Promise.all([db.sheets.get(id), db.summaries.get(id)])
        return stored(sheet, summary)
      }, onChange)
    },

    observeLibrary(onChange) {
      // The count and newest update change with every write.
      return observeChanges(
        async () => [
          await db.summaries.count(),
          await db.summaries.orderBy('updatedAt').last(),
          // A rating added or removed changes the count shown on its sheet's card.
          await db.ratings.count(),
        ],
        () => onChange(),
      )
    },

    async duplicate(id, copyTitle) {
      const { duplicateSheet } = await loadSheetModule()
      const source = await db.sheets.get(id)
      if (!source) throw new Error(`No sheet ${id}`)
      const copy = duplicateSheet(source, decoratedTitle(source.project.title, copyTitle))
      await writeValid(copy)
      return copy
    },

    async remove(id) {
      await db.transaction('rw', db.sheets, db.summaries, db.drafts, db.trash, async () => {
        const sheet = await db.sheets.get(id)
        if (!sheet) return
        const revision = (await db.summaries.get(id))?.revision
        const record: TrashRecord = { id, deletedAt: new Date().toISOString(), sheet, revision }
        await db.trash.put(record)
        await db.sheets.delete(id)
        await db.summaries.delete(id)
        await db.drafts.delete(id)
      })
    },

    async restore(id) {
      const module = await loadSheetModule()
      return db.transaction('rw', db.sheets, db.summaries, db.drafts, db.trash, () => restoreFromTrash(id, module))
    },

    async restoreMany(ids) {
      const module = await loadSheetModule()
      return db.transaction('rw', db.sheets, db.summaries, db.drafts, db.trash, async () => {
        const results = new Map<string, RestoreResult>()
        for (const id of new Set(ids)) results.set(id, await restoreFromTrash(id, module))
        return results
      })
    },

    async restoreAsCopy(id, copyTitle) {
      const { duplicateSheet } = await loadSheetModule()
      return db.transaction('rw', db.sheets, db.summaries, db.drafts, db.trash, async () => {
        const record = await db.trash.get(id)
        if (!record) return undefined
        const copy = duplicateSheet(record.sheet, decoratedTitle(record.sheet.project.title, copyTitle))
        await putSheet(copy)
        await db.trash.delete(id)
        return copy
      })
    },

    async listTrash() {
      const records = await db.trash.orderBy('deletedAt').reverse().toArray()
      return records.map((record) => trashEntry(record.sheet, record.deletedAt))
    },

    eraseFromTrash: (ids) => eraseForGood(db.trash.where('id').anyOf([...ids])),

    purgeTrash: (olderThan) => eraseForGood(db.trash.where('deletedAt').below(olderThan.toISOString())),

    async getMany(ids) {
      const found = await db.sheets.bulkGet([...ids])
      return found.filter((sheet): sheet is Sheet => sheet !== undefined)
    },

    async revisions(ids) {
      const summaries = await db.summaries.bulkGet([...ids])
      return new Map(
        summaries.filter((summary) => summary !== undefined).map((summary) => [summary.id, summary.revision ?? 1]),
      )
    },

    async getAll() {
      const ids = await db.summaries.orderBy('updatedAt').reverse().primaryKeys()
      const sheets = await db.sheets.bulkGet(ids)
      return sheets.filter((sheet): sheet is Sheet => sheet !== undefined)
    },

    async ratingCounts() {
      const counts = new Map<string, number>()
      for (const sheetId of await db.ratings.orderBy('sheetId').keys()) counts.set(String(sheetId), (counts.get(String(sheetId)) ?? 0) + 1)
      return counts
    },

    listRatings: (sheetId) => ratingsOf(sheetId),

    async putRating(rating) {
      await db.ratings.put(rating)
    },

    removeRating: (id) =>
      db.transaction('rw', db.ratings, async () => {
        const rating = await db.ratings.get(id)
        if (rating) await db.ratings.delete(id)
        return rating
      }),

    observeRatings(sheetId, onChange) {
      return observeValues(() => ratingsOf(sheetId), onChange)
    },

    async importSheets(sheets, options = {}) {
      // Chunks of 1,000 inside one transaction: faster than one huge bulkPut, still all-or-nothing.
      return db.transaction('rw', [db.sheets, db.summaries, db.drafts, db.ratings], async () => {
        const expected = options.expectedRevisions
        if (expected && expected.size > 0) {
          const now = await db.summaries.bulkGet([...expected.keys()])
          const changed = [...expected.keys()].filter((id, index) => (now[index]?.revision ?? null) !== expected.get(id))
          if (changed.length > 0) return { ok: false as const, changed }
        }
        const revisions = new Map<string, number>()
        for (let start = 0; start < sheets.length; start += IMPORT_CHUNK) {
          const chunk = sheets.slice(start, start + IMPORT_CHUNK)
          const previous = await db.summaries.bulkGet(chunk.map((sheet) => sheet.id))
          await db.sheets.bulkPut(chunk)
          // From a file, not changed here: these sheets are already saved in that file (no backup reminder).
          const importedAt = new Date().toISOString()
          const summaries = chunk.map((sheet, index) => ({
            ...summarise(sheet),
            revision: (previous[index]?.revision ?? 0) + 1,
            importedAt,
          }))
          await db.summaries.bulkPut(summaries)
          for (const summary of summaries) revisions.set(summary.id, summary.revision)
          await db.drafts.bulkDelete(chunk.map((sheet) => sheet.id))
        }
        const ratings: RatingsWritten = { added: 0, replaced: 0, duplicate: 0 }
        for (const rating of options.ratings ?? []) {
          const placed = placeRating(await ratingsOf(rating.sheetId), rating)
          if (placed.kind === 'duplicate') {
            ratings.duplicate++
            continue
          }
          if (placed.kind === 'replaced') await db.ratings.delete(placed.previous.id)
          await db.ratings.put(rating)
          ratings[placed.kind]++
        }
        return { ok: true as const, ratings, revisions }
      })
    },

    getDraft: (id) => db.drafts.get(id),

    async saveDraft(content, baseRevision, rowKeys) {
      await db.drafts.put({ id: content.id, savedAt: new Date().toISOString(), content, baseRevision, rowKeys })
    },

    async discardDraft(id) {
      await db.drafts.delete(id)
    },

    close: () => db.close(),
  }
}
