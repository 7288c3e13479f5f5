// Files opened with the installed app (manifest file_handlers) arrive through the Launch Queue API, where the
// browser supports it; elsewhere this does nothing.
interface LaunchParams {
  files: readonly FileSystemFileHandle[]
}

interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void
}

export function onLaunchedFiles(handle: (files: File[]) => void): void {
  const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue
  queue?.setConsumer(async ({ files }) => {
    if (files.length === 0) return
    handle(await Promise.all(files.map((file) => file.getFile())))
  })
}
