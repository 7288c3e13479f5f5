// Work that must reach IndexedDB before the page goes away (e.g. an update reload). Screens with unsaved edits
// register how to flush them, so the app frame can wait for them without loading the editor's code.
type Flush = () => Promise<boolean>

const flushers = new Set<Flush>()

/** `flush` resolves true when everything is safely stored. Returns the unregister function. */
export function registerPendingSave(flush: Flush): () => void {
  flushers.add(flush)
  return () => flushers.delete(flush)
}

/** Flushes every registered screen; false if any of them could not store its edits. */
export async function flushPendingSaves(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((flush) => flush().catch(() => false)))
  return results.every(Boolean)
}
