// The editor store saves half a second after typing stops; this covers the moments the page may go away. A save
// started then is asynchronous and may not land before the page is gone, so a synchronous last-resort copy is
// written first (`rescue`), and the browser is asked to warn while a save is still pending.
import { onBeforeUnmount, onMounted } from 'vue'

export interface AutosaveHooks {
  /** Starts saving what is pending. */
  flush: () => Promise<void>
  /** Writes the synchronous last-resort copy of what is not saved yet. */
  rescue: () => void
  /** Whether leaving now could lose something. */
  hasUnsavedChanges: () => boolean
}

export function useAutosave({ flush, rescue, hasUnsavedChanges }: AutosaveHooks): void {
  function onVisibilityChange() {
    if (document.visibilityState !== 'hidden') return
    rescue()
    void flush()
  }

  function onPageHide() {
    rescue()
    void flush()
  }

  function onBeforeUnload(event: BeforeUnloadEvent) {
    rescue()
    void flush()
    // The browser shows its own "leave the page?" question; its wording cannot be changed.
    if (hasUnsavedChanges()) event.preventDefault()
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('beforeunload', onBeforeUnload)
  })

  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibilityChange)
    window.removeEventListener('pagehide', onPageHide)
    window.removeEventListener('beforeunload', onBeforeUnload)
    void flush()
  })
}
