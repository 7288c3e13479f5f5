// An in-memory SheetsRepository, so that views and stores can be tested without a browser. It follows the same
// contract as the Dexie repository (tests/contract/sheets-repository.contract.ts runs on both); persistence
// itself is tested against real IndexedDB in tests/browser.
import { placeRating, type Rating } from '@/domain/rating'
import { createSheet, duplicateSheet, validateSheet, type Sheet } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import { decoratedTitle } from '@/domain/titles'
import { trashEntry } from '@/domain/trash'
import type { RestoreResult, SaveResult, SheetsRepository } from '@/storage'
import type { DraftRecord, SummaryRecord, TrashRecord } from '@/storage/db'

const copy = <T>(value: T): T => structuredClone(value)

function laterOf(now: Date, createdAt: string): string {
  return new Date(Math.max(now.getTime(), Date.parse(createdAt))).toISOString()
}

export function createMemoryRepository(initial: Sheet[] = []) {
  const sheets = new Map(initial.map((sheet) => [sheet.id, copy(sheet)]))
  const revisions = new Map(initial.map((sheet) => [sheet.id, 1]))
  // Local history as the library keeps it: edited here (a backup must save it) or imported from a file.
  const editedAt = new Map(initial.map((sheet) => [sheet.id, sheet.updatedAt]))
  const importedAt = new Map<string, string>()
  const drafts = new Map<string, DraftRecord>()
  const trash = new Map<string, TrashRecord>()
  const ratings = new Map<string, Rating>()
  const ratingsOf = (sheetId: string) =>
    [...ratings.values()]
      .filter((rating) => rating.sheetId === sheetId)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id))
      .map(copy)
  // Like Dexie's liveQuery: the current ratings at once, then after every change.
  const ratingListeners = new Set<() => void>()
  const ratingsChanged = () => ratingListeners.forEach((listener) => listener())
  /** Erased for good: its ratings go too, unless a sheet of that id is back in the library. */
  const eraseRatingsOf = (sheetId: string) => {
    if (sheets.has(sheetId)) return
    for (const rating of [...ratings.values()]) if (rating.sheetId === sheetId) ratings.delete(rating.id)
    ratingsChanged()
  }
  const byUpdate = (a: Sheet, b: Sheet) => b.updatedAt.localeCompare(a.updatedAt)

  function put(sheet: Sheet, previous = revisions.get(sheet.id) ?? 0, imported = false): number {
    sheets.set(sheet.id, copy(sheet))
    revisions.set(sheet.id, previous + 1)
    const now = new Date().toISOString()
    if (imported) {
      importedAt.set(sheet.id, now)
      editedAt.delete(sheet.id)
    } else editedAt.set(sheet.id, now)
    return previous + 1
  }

  function restoreFromTrash(id: string): RestoreResult {
    const record = trash.get(id)
    if (!record) return { status: 'missing' }
    if (sheets.has(id)) return { status: 'exists', current: copy(sheets.get(id)!), deleted: copy(record.sheet) }
    const result = validateSheet(record.sheet)
    if (!result.ok) return { status: 'missing' }
    put(result.sheet, record.revision ?? 1)
    trash.delete(id)
    return { status: 'restored', sheet: result.sheet }
  }

  function stored(id: string) {
    if (!sheets.has(id)) return undefined
    const importedOnly = importedAt.has(id) && !editedAt.has(id)
    return { sheet: copy(sheets.get(id)!), revision: revisions.get(id)!, importedAt: importedOnly ? importedAt.get(id) : undefined }
  }

  const repository: SheetsRepository = {
    async create(options) {
      const sheet = createSheet(options)
      put(sheet)
      return sheet
    },
    get: async (id) => copy(sheets.get(id)),
    getStored: async (id) => stored(id),
    listSummaries: async (): Promise<SummaryRecord[]> =>
      [...sheets.values()].sort(byUpdate).map((sheet) => ({
        ...summarise(sheet),
        revision: revisions.get(sheet.id)!,
        editedAt: editedAt.get(sheet.id),
        importedAt: importedAt.get(sheet.id),
      })),
    prepareToSave: async () => undefined,
    async save(candidate, options = {}): Promise<SaveResult> {
      const stamped =
        options.touch === false ? candidate : { ...candidate, updatedAt: laterOf(new Date(), candidate.createdAt) }
      const result = validateSheet(stamped)
      if (!result.ok) return result
      const id = result.sheet.id
      if (options.expectedRevision !== undefined) {
        const stored = sheets.get(id)
        if (options.expectedRevision !== null && !stored) return { ok: false, deleted: true }
        if (stored && revisions.get(id) !== options.expectedRevision)
          return { ok: false, conflict: copy(stored), revision: revisions.get(id)! }
      }
      const revision = put(result.sheet)
      if (options.draft) {
        const { content, rowKeys } = copy(options.draft)
        drafts.set(id, { id, savedAt: new Date().toISOString(), content, baseRevision: revision, rowKeys })
      } else drafts.delete(id)
      return { ...result, revision }
    },
    async duplicate(id, copyTitle) {
      const source = sheets.get(id)
      if (!source) throw new Error(`No sheet ${id}`)
      const duplicate = duplicateSheet(source, decoratedTitle(source.project.title, copyTitle))
      put(duplicate)
      return duplicate
    },
    async remove(id) {
      const sheet = sheets.get(id)
      if (!sheet) return
      trash.set(id, { id, deletedAt: new Date().toISOString(), sheet, revision: revisions.get(id) })
      sheets.delete(id)
      revisions.delete(id)
      drafts.delete(id)
    },
    restore: async (id) => restoreFromTrash(id),
    restoreMany: async (ids) => new Map([...new Set(ids)].map((id) => [id, restoreFromTrash(id)])),
    listTrash: async () =>
      [...trash.values()]
        .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
        .map((record) => trashEntry(copy(record.sheet), record.deletedAt)),
    async eraseFromTrash(ids) {
      const erased = [...new Set(ids)].filter((id) => trash.delete(id))
      erased.forEach(eraseRatingsOf)
      return erased.length
    },
    async restoreAsCopy(id, copyTitle) {
      const record = trash.get(id)
      if (!record) return undefined
      const restored = duplicateSheet(record.sheet, decoratedTitle(record.sheet.project.title, copyTitle))
      put(restored)
      trash.delete(id)
      return restored
    },
    async purgeTrash(olderThan) {
      let purged = 0
      for (const [id, record] of trash) {
        if (record.deletedAt < olderThan.toISOString()) {
          trash.delete(id)
          eraseRatingsOf(id)
          purged++
        }
      }
      return purged
    },
    // Other tabs don't exist in happy-dom; cross-tab updates are tested in Chromium.
    observeSheet: () => () => undefined,
    observeLibrary: () => () => undefined,
    getMany: async (ids) => ids.flatMap((id) => (sheets.has(id) ? [copy(sheets.get(id)!)] : [])),
    revisions: async (ids) => new Map(ids.flatMap((id) => (revisions.has(id) ? [[id, revisions.get(id)!] as const] : []))),
    getAll: async () => [...sheets.values()].sort(byUpdate).map(copy),
    async importSheets(incoming, options = {}) {
      const changed = [...(options.expectedRevisions ?? [])]
        .filter(([id, expected]) => (revisions.get(id) ?? null) !== expected)
        .map(([id]) => id)
      if (changed.length > 0) return { ok: false, changed }
      const written = new Map<string, number>()
      for (const sheet of incoming) {
        written.set(sheet.id, put(sheet, undefined, true))
        drafts.delete(sheet.id)
      }
      const placedRatings = { added: 0, replaced: 0, duplicate: 0 }
      for (const rating of options.ratings ?? []) {
        const placed = placeRating(ratingsOf(rating.sheetId), rating)
        if (placed.kind === 'duplicate') {
          placedRatings.duplicate++
          continue
        }
        if (placed.kind === 'replaced') ratings.delete(placed.previous.id)
        ratings.set(rating.id, copy(rating))
        placedRatings[placed.kind]++
      }
      if (options.ratings?.length) ratingsChanged()
      return { ok: true, ratings: placedRatings, revisions: written }
    },
    async ratingCounts() {
      const counts = new Map<string, number>()
      for (const rating of ratings.values()) counts.set(rating.sheetId, (counts.get(rating.sheetId) ?? 0) + 1)
      return counts
    },
    listRatings: async (sheetId) => ratingsOf(sheetId),
    async putRating(rating) {
      ratings.set(rating.id, copy(rating))
      ratingsChanged()
    },
    async removeRating(id) {
      const rating = ratings.get(id)
      ratings.delete(id)
      ratingsChanged()
      return rating
    },
    observeRatings(sheetId, onChange) {
      const listener = () => onChange(ratingsOf(sheetId))
      listener()
      ratingListeners.add(listener)
      return () => ratingListeners.delete(listener)
    },
    getDraft: async (id) => copy(drafts.get(id)),
    async saveDraft(content, baseRevision, rowKeys) {
      drafts.set(content.id, {
        id: content.id,
        savedAt: new Date().toISOString(),
        content: copy(content),
        baseRevision,
        rowKeys: copy(rowKeys),
      })
    },
    async discardDraft(id) {
      drafts.delete(id)
    },
    close() {},
  }
  return { repository, sheets, revisions, drafts, trash, ratings }
}
