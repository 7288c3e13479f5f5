// An in-memory stand-in for the Dexie repository, so that views can be tested in happy-dom.
// Persistence itself is tested against real IndexedDB in tests/browser.
import { createSheet, duplicateSheet, validateSheet, type Sheet } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import type { SheetsRepository } from '@/storage'
import type { DraftRecord } from '@/storage/db'

export function createMemoryRepository(initial: Sheet[] = []) {
  const sheets = new Map(initial.map((sheet) => [sheet.id, structuredClone(sheet)]))
  const drafts = new Map<string, DraftRecord>()
  const trash = new Map<string, Sheet>()

  const repository: SheetsRepository = {
    async create(options) {
      const sheet = createSheet(options)
      sheets.set(sheet.id, sheet)
      return sheet
    },
    get: async (id) => structuredClone(sheets.get(id)),
    listSummaries: async () =>
      [...sheets.values()].map(summarise).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    async save(candidate, options = {}) {
      const stored = sheets.get(candidate.id)
      if (options.expectedUpdatedAt !== undefined && stored && stored.updatedAt !== options.expectedUpdatedAt)
        return { ok: false as const, conflict: structuredClone(stored) }
      const result = validateSheet({ ...candidate, updatedAt: new Date().toISOString() })
      if (result.ok) {
        sheets.set(result.sheet.id, result.sheet)
        drafts.delete(result.sheet.id)
      }
      return result
    },
    async duplicate(id, copyTitle) {
      const source = sheets.get(id)!
      const copy = duplicateSheet(source, copyTitle(source.project.title))
      sheets.set(copy.id, copy)
      return copy
    },
    async remove(id) {
      trash.set(id, sheets.get(id)!)
      sheets.delete(id)
    },
    async restore(id) {
      const sheet = trash.get(id)
      if (sheet) sheets.set(id, sheet)
      trash.delete(id)
      return sheet
    },
    purgeTrash: async () => 0,
    // Other tabs don't exist in happy-dom; cross-tab updates are tested in Chromium.
    observeSheet: () => () => undefined,
    observeLibrary: () => () => undefined,
    getMany: async (ids) => ids.flatMap((id) => (sheets.has(id) ? [structuredClone(sheets.get(id)!)] : [])),
    getAll: async () => [...sheets.values()].map((sheet) => structuredClone(sheet)),
    async importSheets(incoming) {
      for (const sheet of incoming) sheets.set(sheet.id, structuredClone(sheet))
    },
    getDraft: async (id) => drafts.get(id),
    async saveDraft(content, baseUpdatedAt) {
      drafts.set(content.id, {
        id: content.id,
        savedAt: new Date().toISOString(),
        content: structuredClone(content),
        baseUpdatedAt,
      })
    },
    async discardDraft(id) {
      drafts.delete(id)
    },
    close() {},
  }
  return { repository, sheets, drafts }
}
