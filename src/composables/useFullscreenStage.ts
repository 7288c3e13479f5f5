// A restitution screen shown on the wall: the stage asks for the browser's full screen when it opens; when the
// browser refuses (no user gesture, a kiosk policy, an iframe) it covers the window instead and says how to get
// full screen. Leaving full screen (Esc, which the browser takes for itself) leaves the stage too.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useFullscreenStage(stage: Ref<HTMLElement | null>, onLeave: () => void) {
  const fullscreen = ref(false)
  const refused = ref(false)

  async function enter() {
    if (!stage.value?.requestFullscreen) {
      refused.value = true
      return
    }
    try {
      await stage.value.requestFullscreen()
      refused.value = false
    } catch {
      refused.value = true
    }
  }

  function exit() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  }

  function onFullscreenChange() {
    const inside = document.fullscreenElement === stage.value
    if (fullscreen.value && !inside) onLeave()
    fullscreen.value = inside
  }

  onMounted(() => document.addEventListener('fullscreenchange', onFullscreenChange))
  onBeforeUnmount(() => {
    document.removeEventListener('fullscreenchange', onFullscreenChange)
    exit()
  })

  return { fullscreen, refused, enter, exit }
}
