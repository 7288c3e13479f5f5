// The one module the stores call to read and write sheets. Every write validates with the sheet schema first,
// and a sheet and its summary are always written in the same transaction.
import { liveQuery } from 'dexie'
import type { RowKeys } from '@/domain/sheet-edit'
import type { Sheet, SheetValidation } from '@/domain/sheet'
import { summarise, type SheetSummary } from '@/domain/summary'
import { SheetDatabase, type DraftRecord } from './db'

// The schema (and Zod with it) loads on the first write, so the library page opens without it.
const loadSheetModule = () => import('@/domain/sheet')

/** A save refused because the stored sheet changed since `expectedUpdatedAt` (another tab saved it). */
export interface SaveConflict {
  ok: false
  conflict: Sheet
}

export type SaveResult = SheetValidation | SaveConflict

export function isSaveConflict(result: SaveResult): result is SaveConflict {
  return !result.ok && 'conflict' in result
}

const IMPORT_CHUNK = 1_000

export interface SheetsRepository {
  create(options: { title: string; organisation?: string; author?: string; tags?: string[] }): Promise<Sheet>
  get(id: string): Promise<Sheet | undefined>
  /** Summaries of every sheet, most recently updated first. */
  listSummaries(): Promise<SheetSummary[]>
  /**
   * Validates, stamps updatedAt and writes; an invalid sheet is never written. In the same transaction, the
   * editor's draft is replaced by `draft` (based on the new version) or, without one, removed.
   */
  save(candidate: Sheet, options?: { touch?: boolean; expectedUpdatedAt?: string; draft?: DraftInput }): Promise<SaveResult>
  /** Calls back with the stored sheet whenever it changes, in this tab or another; returns the unsubscribe. */
  observeSheet(id: string, onChange: (sheet: Sheet | undefined) => void): () => void
  /** Calls back whenever any sheet is added, changed or removed, in this tab or another. */
  observeLibrary(onChange: () => void): () => void
  duplicate(id: string, copyTitle: (title: string) => string): Promise<Sheet>
  /** Moves the sheet to the trash, from where restore() can bring it back. */
  remove(id: string): Promise<void>
  restore(id: string): Promise<Sheet | undefined>
  purgeTrash(olderThan: Date): Promise<number>
  /** The stored sheets among these ids (missing ones are left out). */
  getMany(ids: readonly string[]): Promise<Sheet[]>
  /** Every sheet, most recently updated first (for a full backup). */
  getAll(): Promise<Sheet[]>
  /**
   * Writes already-validated sheets in one transaction: either all of them are stored, or none
   * (a failure such as QuotaExceededError rolls the whole import back and rejects).
   */
  importSheets(sheets: readonly Sheet[]): Promise<void>
  getDraft(id: string): Promise<DraftRecord | undefined>
  saveDraft(content: Sheet, baseUpdatedAt?: string, rowKeys?: DraftRecord['rowKeys']): Promise<void>
  discardDraft(id: string): Promise<void>
  close(): void
}

/** A working copy to keep beside the stored sheet, with the keys that pair their rows. */
export interface DraftInput {
  content: Sheet
  rowKeys?: { draft: RowKeys; stored: RowKeys }
}

function laterOf(now: Date, createdAt: string): string {
  // A clock set back must not produce updatedAt < createdAt, which the format forbids.
  return new Date(Math.max(now.getTime(), Date.parse(createdAt))).toISOString()
}

export function createSheetsRepository(db = new SheetDatabase()): SheetsRepository {
  async function writeValid(sheet: Sheet): Promise<void> {
    await db.transaction('rw', db.sheets, db.summaries, db.drafts, async () => {
      await db.sheets.put(sheet)
      await db.summaries.put(summarise(sheet))
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

    listSummaries: () => db.summaries.orderBy('updatedAt').reverse().toArray(),

    async save(candidate, options = {}) {
      const { validateSheet } = await loadSheetModule()
      const stamped =
        options.touch === false ? candidate : { ...candidate, updatedAt: laterOf(new Date(), candidate.createdAt) }
      const result = validateSheet(stamped)
      if (!result.ok) return result
      // Revision check and write in one transaction, so another tab cannot slip a save in between.
      return db.transaction('rw', db.sheets, db.summaries, db.drafts, async (): Promise<SaveResult> => {
        if (options.expectedUpdatedAt !== undefined) {
          const stored = await db.sheets.get(result.sheet.id)
          if (stored && stored.updatedAt !== options.expectedUpdatedAt) return { ok: false, conflict: stored }
        }
        await db.sheets.put(result.sheet)
        await db.summaries.put(summarise(result.sheet))
        if (options.draft) {
          const { content, rowKeys } = options.draft
          const base = result.sheet.updatedAt
          await db.drafts.put({ id: result.sheet.id, savedAt: new Date().toISOString(), content, baseUpdatedAt: base, rowKeys })
        } else await db.drafts.delete(result.sheet.id)
        return result
      })
    },

    observeSheet(id, onChange) {
      const subscription = liveQuery(() => db.sheets.get(id)).subscribe({ next: onChange, error: () => undefined })
      return () => subscription.unsubscribe()
    },

    observeLibrary(onChange) {
      let first = true
      // The count and newest update change with every write; the first value is the current state, not a change.
      const subscription = liveQuery(async () => [await db.summaries.count(), await db.summaries.orderBy('updatedAt').last()]).subscribe({
        next: () => {
          if (first) first = false
          else onChange()
        },
        error: () => undefined,
      })
      return () => subscription.unsubscribe()
    },

    async duplicate(id, copyTitle) {
      const { duplicateSheet, LIMITS } = await loadSheetModule()
      const source = await db.sheets.get(id)
      if (!source) throw new Error(`No sheet ${id}`)
      const copy = duplicateSheet(source, copyTitle(source.project.title).slice(0, LIMITS.shortText))
      await writeValid(copy)
      return copy
    },

    async remove(id) {
      await db.transaction('rw', db.sheets, db.summaries, db.drafts, db.trash, async () => {
        const sheet = await db.sheets.get(id)
        if (!sheet) return
        await db.trash.put({ id, deletedAt: new Date().toISOString(), sheet })
        await db.sheets.delete(id)
        await db.summaries.delete(id)
        await db.drafts.delete(id)
      })
    },

    async restore(id) {
      const { validateSheet } = await loadSheetModule()
      return db.transaction('rw', db.sheets, db.summaries, db.drafts, db.trash, async () => {
        const record = await db.trash.get(id)
        if (!record) return undefined
        const result = validateSheet(record.sheet)
        if (!result.ok) return undefined
        await db.sheets.put(result.sheet)
        await db.summaries.put(summarise(result.sheet))
        await db.trash.delete(id)
        return result.sheet
      })
    },

    purgeTrash: (olderThan) => db.trash.where('deletedAt').below(olderThan.toISOString()).delete(),

    async getMany(ids) {
      const found = await db.sheets.bulkGet([...ids])
      return found.filter((sheet): sheet is Sheet => sheet !== undefined)
    },

    async getAll() {
      const ids = await db.summaries.orderBy('updatedAt').reverse().primaryKeys()
      const sheets = await db.sheets.bulkGet(ids)
      return sheets.filter((sheet): sheet is Sheet => sheet !== undefined)
    },

    async importSheets(sheets) {
      // Chunks of 1,000 inside one transaction: faster than one huge bulkPut, still all-or-nothing.
      await db.transaction('rw', db.sheets, db.summaries, db.drafts, async () => {
        for (let start = 0; start < sheets.length; start += IMPORT_CHUNK) {
          const chunk = sheets.slice(start, start + IMPORT_CHUNK)
          await db.sheets.bulkPut(chunk)
          await db.summaries.bulkPut(chunk.map(summarise))
          await db.drafts.bulkDelete(chunk.map((sheet) => sheet.id))
        }
      })
    },

    getDraft: (id) => db.drafts.get(id),

    async saveDraft(content, baseUpdatedAt, rowKeys) {
      await db.drafts.put({ id: content.id, savedAt: new Date().toISOString(), content, baseUpdatedAt, rowKeys })
    },

    async discardDraft(id) {
      await db.drafts.delete(id)
    },

    close: () => db.close(),
  }
}
