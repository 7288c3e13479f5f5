// What the browser does with our storage: whether it is persistent, how much is used, and when the last full
// backup was exported. A local-only app's one enemy is losing data it alone holds.
import { defineStore } from 'pinia'
import { ref } from 'vue'

const LAST_BACKUP_KEY = 'fiche-projet-data:last-backup'

export const useStorageStatusStore = defineStore('storage-status', () => {
  /** null until known, or where the browser has no Storage API. */
  const persisted = ref<boolean | null>(null)
  const usage = ref<number | null>(null)
  const quota = ref<number | null>(null)
  const lastBackupAt = ref<string | null>(readLastBackup())
  let persistenceAsked = false

  function readLastBackup(): string | null {
    try {
      return localStorage.getItem(LAST_BACKUP_KEY)
    } catch {
      return null
    }
  }

  async function refresh() {
    const storage = navigator.storage
    if (!storage?.estimate) return
    const [isPersisted, estimate] = await Promise.all([storage.persisted?.() ?? Promise.resolve(false), storage.estimate()])
    persisted.value = isPersisted
    usage.value = estimate.usage ?? null
    quota.value = estimate.quota ?? null
  }

  /** Asked once, when the first sheet is saved: the browser may grant it, refuse it, or ask the person. */
  async function ensurePersistence() {
    if (persistenceAsked || !navigator.storage?.persist) return
    persistenceAsked = true
    try {
      if (!(await navigator.storage.persisted())) await navigator.storage.persist()
    } finally {
      await refresh()
    }
  }

  function recordBackup(at = new Date()) {
    lastBackupAt.value = at.toISOString()
    try {
      localStorage.setItem(LAST_BACKUP_KEY, lastBackupAt.value)
    } catch {
      // Private browsing may refuse localStorage: the reminder then simply shows again.
    }
  }

  return { persisted, usage, quota, lastBackupAt, refresh, ensurePersistence, recordBackup }
})
