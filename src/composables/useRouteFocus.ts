// After a navigation inside the app, the keyboard and screen readers land on the new page rather than on the page's
// body (WCAG 2.4.3, RGAA 12.8): its h1 takes the focus and a polite live region says the new page's title. A page
// that puts the focus somewhere itself (a new sheet's title field) keeps it; a route with `meta.ownsFocus` (the
// presentation's full-screen stage) is left alone. Nothing moves on the first page load: the skip link stays the
// first tab stop.
import { nextTick, onBeforeUnmount, ref } from 'vue'
import { START_LOCATION, useRouter } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** The page puts the keyboard where it belongs by itself. */
    ownsFocus?: boolean
  }
}

/** A page's data can take a moment (IndexedDB): its heading is awaited this long at most. */
const HEADING_WAIT_MS = 10_000

function visibleHeading(main: HTMLElement): HTMLElement | null {
  return [...main.querySelectorAll<HTMLElement>('h1')].find((heading) => heading.getClientRects().length > 0) ?? null
}

/** Calls `found` with the page's visible h1 once it is there; returns the function that stops waiting. */
function whenHeadingShows(main: HTMLElement, found: (heading: HTMLElement) => void, gaveUp: () => void): () => void {
  const now = visibleHeading(main)
  if (now) {
    found(now)
    return () => {}
  }
  const observer = new MutationObserver(() => {
    const heading = visibleHeading(main)
    if (!heading) return
    stop()
    found(heading)
  })
  const timer = setTimeout(() => {
    stop()
    gaveUp()
  }, HEADING_WAIT_MS)
  function stop() {
    observer.disconnect()
    clearTimeout(timer)
  }
  observer.observe(main, { childList: true, subtree: true })
  return stop
}

/** `mainId`: the id of the page's main landmark. Returns the text for a polite live region. */
export function useRouteFocus(mainId: string) {
  const router = useRouter()
  const announcement = ref('')
  let stopWaiting = () => {}

  const stopListening = router.afterEach(async (to, from, failure) => {
    // A query or a hash on the same page (filters, a section's link) is not a new page.
    if (failure || from === START_LOCATION || to.path === from.path) return
    stopWaiting()
    if (to.meta.ownsFocus) return
    // What had the keyboard when the navigation ended: a header link stays focused, a card's link goes away.
    const before = document.activeElement
    // The new page replaces the old one at the next render: the old page's heading must not be taken for its own.
    await nextTick()
    const main = document.getElementById(mainId)
    if (!main || router.currentRoute.value !== to) return
    stopWaiting = whenHeadingShows(
      main,
      (heading) => {
        const active = document.activeElement
        // The page put the keyboard somewhere itself: it stays there.
        const placedByPage = active !== before && active !== main && active !== document.body && main.contains(active)
        if (!placedByPage) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
          heading.focus({ preventScroll: true })
        }
        announcement.value = document.title
      },
      () => {
        if (!document.activeElement || document.activeElement === document.body) main.focus({ preventScroll: true })
        announcement.value = document.title
      },
    )
  })

  onBeforeUnmount(() => {
    stopListening()
    stopWaiting()
  })
  return { announcement }
}
