// Files dropped anywhere on the page while the calling view is shown.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useFileDrop(onFiles: (files: File[]) => void) {
  const dragging = ref(false)
  // dragenter/dragleave fire for every child element; a counter tells when the pointer really left the page.
  let depth = 0

  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

  function onDragEnter(event: DragEvent) {
    if (!carriesFiles(event)) return
    depth++
    dragging.value = true
  }

  function onDragOver(event: DragEvent) {
    if (!carriesFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }

  function onDragLeave(event: DragEvent) {
    if (!carriesFiles(event)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }

  function onDrop(event: DragEvent) {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth = 0
    dragging.value = false
    const files = [...(event.dataTransfer?.files ?? [])]
    if (files.length > 0) onFiles(files)
  }

  const listeners = { dragenter: onDragEnter, dragover: onDragOver, dragleave: onDragLeave, drop: onDrop } as const
  onMounted(() => {
    for (const [name, listener] of Object.entries(listeners)) window.addEventListener(name, listener as EventListener)
  })
  onBeforeUnmount(() => {
    for (const [name, listener] of Object.entries(listeners)) window.removeEventListener(name, listener as EventListener)
  })

  return { dragging }
}
