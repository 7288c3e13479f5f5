// Calls back as printing starts, however it starts: the browser's print command (Ctrl+P, the menu, window.print())
// fires `beforeprint`, and print media (emulated by a test, or a PDF printer) switches `matchMedia('print')`. The
// callback runs before the paper layout: Vue's update, queued in a microtask, lands before the browser lays it out.
import { onBeforeUnmount, onMounted } from 'vue'

export function usePrintStart(onStart: () => void): void {
  let media: MediaQueryList | undefined
  const onMediaChange = (event: MediaQueryListEvent) => {
    if (event.matches) onStart()
  }
  onMounted(() => {
    window.addEventListener('beforeprint', onStart)
    media = window.matchMedia?.('print')
    media?.addEventListener('change', onMediaChange)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', onStart)
    media?.removeEventListener('change', onMediaChange)
  })
}
