// A header that stays at the top of the screen while it is short. Its text wraps rather than being cut (RGAA 10.4),
// so enlarged text or a long title on a small screen makes it taller: past a fifth of the window it would hide too
// much of the page, and it scrolls away with the page instead. Its height, as `--sheet-header` on the document, is
// what in-page links, focused fields and the radar's panel keep clear of.
import { computed, onBeforeUnmount, onMounted, ref, watch, watchEffect, type Ref } from 'vue'

const MAX_SHARE_OF_WINDOW = 0.2

export function useStickyHeader(header: Ref<HTMLElement | null>) {
  const height = ref(0)
  const windowHeight = ref(typeof window === 'undefined' ? 0 : window.innerHeight)
  const sticky = computed(() => height.value === 0 || height.value <= windowHeight.value * MAX_SHARE_OF_WINDOW)
  /** How much of the top of the screen the header covers; undefined until measured (the stylesheet's default). */
  const offset = computed(() => (height.value === 0 ? undefined : sticky.value ? `${height.value}px` : '0px'))

  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(([entry]) => (height.value = entry?.target.getBoundingClientRect().height ?? 0))
  watch(
    header,
    (element, previous) => {
      if (previous) observer?.unobserve(previous)
      if (element) observer?.observe(element)
    },
    { immediate: true },
  )

  const onResize = () => (windowHeight.value = window.innerHeight)
  onMounted(() => window.addEventListener('resize', onResize))

  // Scrolling a focused field or a link's target into view happens on the document: it must know the height too.
  watchEffect(() => {
    if (offset.value) document.documentElement.style.setProperty('--sheet-header', offset.value)
    else document.documentElement.style.removeProperty('--sheet-header')
  })

  onBeforeUnmount(() => {
    observer?.disconnect()
    window.removeEventListener('resize', onResize)
    document.documentElement.style.removeProperty('--sheet-header')
  })

  return { sticky, offset }
}
