// Debounced saving that never waits on a closing tab: pending work is flushed when the page is hidden,
// unloaded or left, so at most the debounce delay of typing can be lost.
import { onBeforeUnmount, onMounted } from 'vue'

export interface Autosave {
  schedule(): void
  flush(): Promise<void>
}

export function useAutosave(save: () => Promise<void>, delayMs = 500): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush(): Promise<void> {
    if (timer === undefined) return Promise.resolve()
    clearTimeout(timer)
    timer = undefined
    return save()
  }

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), delayMs)
  }

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

  return { schedule, flush }
}
