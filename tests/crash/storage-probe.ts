// What the browser kept, read straight from IndexedDB (and the rescue copies in localStorage), from a document of
// the app's origin that does not run the app — its icon — so that nothing is written back before it is read.
import type { Page } from '@playwright/test'

/** The database of src/storage/db.ts. */
const DATABASE_NAME = 'fiche-projet-data'
/** The prefix of src/services/rescue-copy.ts. */
const RESCUE_PREFIX = 'fiche-projet-data:rescue:'

/** Each store's records by id, as JSON (so that two reads compare byte for byte). */
export interface StoredState {
  sheets: Record<string, string>
  summaries: Record<string, string>
  drafts: Record<string, string>
  rescue: Record<string, string>
}

/** Reads every sheet, summary and draft, and the rescue copies, from the page's origin. */
export async function readStorage(page: Page): Promise<StoredState> {
  return page.evaluate(
    async ({ databaseName, rescuePrefix }) => {
      const rescue: Record<string, string> = {}
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index)!
        if (key.startsWith(rescuePrefix)) rescue[key.slice(rescuePrefix.length)] = localStorage.getItem(key)!
      }
      const empty = { sheets: {}, summaries: {}, drafts: {}, rescue }
      // Opening a database that does not exist would create it, empty, at version 1: look first.
      if (!(await indexedDB.databases()).some((database) => database.name === databaseName)) return empty
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(databaseName)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      try {
        const names = ['sheets', 'summaries', 'drafts'].filter((name) => db.objectStoreNames.contains(name))
        if (names.length === 0) return empty
        const transaction = db.transaction(names, 'readonly')
        const read = (name: string) =>
          new Promise<Record<string, string>>((resolve, reject) => {
            if (!names.includes(name)) return resolve({})
            const request = transaction.objectStore(name).getAll()
            request.onsuccess = () =>
              resolve(Object.fromEntries((request.result as { id: string }[]).map((r) => [r.id, JSON.stringify(r)])))
            request.onerror = () => reject(request.error)
          })
        const [sheets, summaries, drafts] = await Promise.all([read('sheets'), read('summaries'), read('drafts')])
        return { sheets, summaries, drafts, rescue }
      } finally {
        db.close()
      }
    },
    { databaseName: DATABASE_NAME, rescuePrefix: RESCUE_PREFIX },
  )
}

/** Opens the app's icon (no app code runs there) and reads the storage. */
export async function probeStorage(page: Page, baseURL: string): Promise<StoredState> {
  await page.goto(`${baseURL}/favicon.svg`)
  return readStorage(page)
}

/**
 * Differences between two reads, leaving out the given sheet ids: records that appeared, disappeared or changed,
 * in the sheets and summaries stores. Empty when nothing else was touched.
 */
export function otherChanges(before: StoredState, after: StoredState, ignore: Set<string>): string[] {
  const problems: string[] = []
  for (const store of ['sheets', 'summaries'] as const) {
    const ids = new Set([...Object.keys(before[store]), ...Object.keys(after[store])])
    for (const id of ids) {
      if (ignore.has(id)) continue
      const was = before[store][id]
      const is = after[store][id]
      if (was === is) continue
      problems.push(
        was === undefined
          ? `${store}: ${id} appeared`
          : is === undefined
            ? `${store}: ${id} disappeared`
            : `${store}: ${id} changed (${was.length} → ${is.length} bytes)`,
      )
    }
  }
  return problems
}
