// The editor store saves half a second after typing stops; this saves at once whenever the page may go away:
// hidden, unloaded, or the view left, so at most that half second of typing is at risk.
import { onBeforeUnmount, onMounted } from 'vue'

export function useAutosave(flush: () => Promise<void>): void {
  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') void flush()
  }

  function onPageHide() {
    void flush()
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('pagehide', onPageHide)
  })

  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibilityChange)
    window.removeEventListener('pagehide', onPageHide)
    void flush()
  })
}
