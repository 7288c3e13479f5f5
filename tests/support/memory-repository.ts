// An in-memory SheetsRepository, so that views and stores can be tested without a browser. It follows the same
// contract as the Dexie repository (tests/contract/sheets-repository.contract.ts runs on both); persistence
// itself is tested against real IndexedDB in tests/browser.
import { createSheet, duplicateSheet, validateSheet, type Sheet } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import type { SaveResult, SheetsRepository } from '@/storage'
import type { DraftRecord, TrashRecord } from '@/storage/db'

const copy = <T>(value: T): T => structuredClone(value)

function laterOf(now: Date, createdAt: string): string {
  return new Date(Math.max(now.getTime(), Date.parse(createdAt))).toISOString()
}

export function createMemoryRepository(initial: Sheet[] = []) {
  const sheets = new Map(initial.map((sheet) => [sheet.id, copy(sheet)]))
  const drafts = new Map<string, DraftRecord>()
  const trash = new Map<string, TrashRecord>()
  const byUpdate = (a: Sheet, b: Sheet) => b.updatedAt.localeCompare(a.updatedAt)

  const repository: SheetsRepository = {
    async create(options) {
      const sheet = createSheet(options)
      sheets.set(sheet.id, copy(sheet))
      return sheet
    },
    get: async (id) => copy(sheets.get(id)),
    listSummaries: async () => [...sheets.values()].sort(byUpdate).map(summarise),
    async save(candidate, options = {}): Promise<SaveResult> {
      const stamped =
        options.touch === false ? candidate : { ...candidate, updatedAt: laterOf(new Date(), candidate.createdAt) }
      const result = validateSheet(stamped)
      if (!result.ok) return result
      const stored = sheets.get(result.sheet.id)
      if (options.expectedUpdatedAt !== undefined && stored && stored.updatedAt !== options.expectedUpdatedAt)
        return { ok: false, conflict: copy(stored) }
      sheets.set(result.sheet.id, copy(result.sheet))
      if (options.draft) {
        const { content, rowKeys } = copy(options.draft)
        drafts.set(result.sheet.id, {
          id: result.sheet.id,
          savedAt: new Date().toISOString(),
          content,
          baseUpdatedAt: result.sheet.updatedAt,
          rowKeys,
        })
      } else drafts.delete(result.sheet.id)
      return result
    },
    async duplicate(id, copyTitle) {
      const source = sheets.get(id)
      if (!source) throw new Error(`No sheet ${id}`)
      const duplicate = duplicateSheet(source, copyTitle(source.project.title).slice(0, 200))
      sheets.set(duplicate.id, copy(duplicate))
      return duplicate
    },
    async remove(id) {
      const sheet = sheets.get(id)
      if (!sheet) return
      trash.set(id, { id, deletedAt: new Date().toISOString(), sheet })
      sheets.delete(id)
      drafts.delete(id)
    },
    async restore(id) {
      const record = trash.get(id)
      if (!record) return undefined
      const result = validateSheet(record.sheet)
      if (!result.ok) return undefined
      sheets.set(id, copy(result.sheet))
      trash.delete(id)
      return result.sheet
    },
    async purgeTrash(olderThan) {
      let purged = 0
      for (const [id, record] of trash) {
        if (record.deletedAt < olderThan.toISOString()) {
          trash.delete(id)
          purged++
        }
      }
      return purged
    },
    // Other tabs don't exist in happy-dom; cross-tab updates are tested in Chromium.
    observeSheet: () => () => undefined,
    observeLibrary: () => () => undefined,
    getMany: async (ids) => ids.flatMap((id) => (sheets.has(id) ? [copy(sheets.get(id)!)] : [])),
    getAll: async () => [...sheets.values()].sort(byUpdate).map(copy),
    async importSheets(incoming) {
      for (const sheet of incoming) {
        sheets.set(sheet.id, copy(sheet))
        drafts.delete(sheet.id)
      }
    },
    getDraft: async (id) => copy(drafts.get(id)),
    async saveDraft(content, baseUpdatedAt, rowKeys) {
      drafts.set(content.id, {
        id: content.id,
        savedAt: new Date().toISOString(),
        content: copy(content),
        baseUpdatedAt,
        rowKeys: copy(rowKeys),
      })
    },
    async discardDraft(id) {
      drafts.delete(id)
    },
    close() {},
  }
  return { repository, sheets, drafts, trash }
}
