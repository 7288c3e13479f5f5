// Whether a radar's box is too narrow for the themes' names: below this width they would squeeze the radar to a
// dot, so the axes show the themes' numbers instead. Shared by every on-screen radar that sizes itself to its box.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

const COMPACT_RADAR_WIDTH = 360

export function useCompactRadar(wrapper: Ref<HTMLElement | null>): Ref<boolean> {
  const compact = ref(false)
  let resizeObserver: ResizeObserver | undefined
  onMounted(() => {
    if (!wrapper.value || typeof ResizeObserver === 'undefined') return
    resizeObserver = new ResizeObserver(([entry]) => {
      compact.value = (entry?.contentRect.width ?? COMPACT_RADAR_WIDTH) < COMPACT_RADAR_WIDTH
    })
    resizeObserver.observe(wrapper.value)
  })
  onBeforeUnmount(() => resizeObserver?.disconnect())
  return compact
}
