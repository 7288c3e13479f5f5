// Registers the service worker the build generates (vite-plugin-pwa, sw.js) and tells the update prompt two facts:
// the app now works offline, and a new version waits. Written against the platform API: workbox-window would do
// the same with 2 KB more on the home page. The page is never reloaded from here (see UpdatePrompt.vue).
import { ref, type Ref } from 'vue'

export interface ServiceWorkerState {
  /** A new version is installed and waits for the person's « Recharger ». */
  needRefresh: Ref<boolean>
  /** The first install is done: every screen now opens without network. */
  offlineReady: Ref<boolean>
  /** Lets the waiting version take over; the page reloads when it does (controllerchange). */
  updateServiceWorker: () => Promise<void>
}

export function useServiceWorker(options: { onRegistered?: (registration: ServiceWorkerRegistration) => void } = {}): ServiceWorkerState {
  const needRefresh = ref(false)
  const offlineReady = ref(false)
  let registration: ServiceWorkerRegistration | undefined

  // The dev server and the tests build no service worker.
  const supported = import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator
  const controlledAtStart = supported && navigator.serviceWorker.controller !== null

  function follow(worker: ServiceWorker | null) {
    if (!worker) return
    const onState = () => {
      // Installed while another version controls the page: an update, waiting for the person.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) needRefresh.value = true
      // The very first version became active: the app is cached.
      if (worker.state === 'activated' && !controlledAtStart && !needRefresh.value) offlineReady.value = true
    }
    worker.addEventListener('statechange', onState)
    onState()
  }

  if (supported) {
    const base = import.meta.env.BASE_URL
    navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base })
      .then((registered) => {
        registration = registered
        // A version left waiting by an earlier visit (or by another tab) is news too.
        if (registered.waiting && navigator.serviceWorker.controller) needRefresh.value = true
        follow(registered.installing)
        registered.addEventListener('updatefound', () => follow(registered.installing))
        options.onRegistered?.(registered)
      })
      .catch(() => undefined)
  }

  async function updateServiceWorker() {
    // The generated worker skips waiting on this message (registerType 'prompt').
    registration?.waiting?.postMessage({ type: 'SKIP_WAITING' })
  }

  return { needRefresh, offlineReady, updateServiceWorker }
}
