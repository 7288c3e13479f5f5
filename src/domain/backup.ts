// When to suggest a full backup: the library lives only in this browser, so changes that were never exported
// to a file and are older than a few days are at risk if the browser's storage is cleared.
export const BACKUP_REMINDER_DAYS = 7
const DAY_MS = 86_400_000

/** True when some sheet changed here after the last full export and that change is older than `days`. */
export function backupReminderDue(
  editedAts: readonly string[],
  lastBackupAt: string | null,
  now: Date,
  days = BACKUP_REMINDER_DAYS,
): boolean {
  const limit = now.getTime() - days * DAY_MS
  const backup = lastBackupAt ? Date.parse(lastBackupAt) : Number.NEGATIVE_INFINITY
  return editedAts.some((editedAt) => {
    const time = Date.parse(editedAt)
    return time > backup && time < limit
  })
}
