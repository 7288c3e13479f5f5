// « Pensez à sauvegarder vos fiches »: said on the library when sheets changed in this browser and no full backup
// was made for a while (domain/backup.ts), until the person answers « Plus tard » for this visit.
import { computed, ref, type Ref } from 'vue'
import { backupReminderDue } from '@/domain/backup'
import { useLibraryStore } from '@/stores/library'
import { useStorageStatusStore } from '@/stores/storage-status'

export function useBackupReminder(now: Ref<Date>, busyElsewhere: () => boolean) {
  const library = useLibraryStore()
  const storageStatus = useStorageStatusStore()
  const dismissed = ref(false)
  const due = computed(
    () =>
      !dismissed.value &&
      !busyElsewhere() &&
      backupReminderDue(
        // Only what changed in this browser: a sheet imported from a file is already saved in that file.
        library.summaries.flatMap((summary) => (summary.editedAt ? [summary.editedAt] : [])),
        storageStatus.lastBackupAt,
        now.value,
      ),
  )
  return { due, dismiss: () => void (dismissed.value = true) }
}
