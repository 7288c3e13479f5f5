// What IndexedDB holds, followed as this tab, another tab or another window writes it, through Dexie's liveQuery.
import { liveQuery } from 'dexie'

/** Calls `onValue` with each value of `query`, the current one first; returns the function that stops listening. */
export function observeValues<T>(query: () => T | Promise<T>, onValue: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onValue,
    // A query failing (the database closed by a newer version in another tab) stops its values; the page is told
    // about that closing elsewhere (databaseListeners in db.ts).
    error: () => undefined,
  })
  return () => subscription.unsubscribe()
}

/** The same for changes only: the first value is the state as it is when listening starts, not a change. */
export function observeChanges<T>(query: () => T | Promise<T>, onChange: (value: T) => void): () => void {
  let first = true
  return observeValues(query, (value) => {
    if (first) first = false
    else onChange(value)
  })
}
