// Files opened with the installed app (manifest file_handlers) arrive through the Launch Queue API, where the
// browser supports it; elsewhere this does nothing. The consumer must be set as the app starts, before the screen
// that imports them exists: files are kept until that screen asks for them.
interface LaunchParams {
  files: readonly FileSystemFileHandle[]
}

interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void
}

type Handler = (files: File[]) => void

let handler: Handler | null = null
const waiting: File[][] = []

/** Starts listening for launched files (once, as the app starts); `onLaunch` runs when some arrive. */
export function listenForLaunchedFiles(onLaunch: () => void): void {
  const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue
  queue?.setConsumer(async ({ files }) => {
    if (files.length === 0) return
    const opened = await Promise.all(files.map((file) => file.getFile()))
    if (handler) handler(opened)
    else waiting.push(opened)
    onLaunch()
  })
}

/** The screen that imports files takes them, including those launched before it was shown. */
export function onLaunchedFiles(handle: Handler): () => void {
  handler = handle
  for (const files of waiting.splice(0)) handle(files)
  return () => {
    if (handler === handle) handler = null
  }
}
