// Reads a file a person dropped or picked and turns it into valid sheets or problems. Large files and every PNG
// (whose sheet may inflate far beyond the image's size) are parsed in a Web Worker so the page never freezes;
// where workers are unavailable (tests in happy-dom) it parses in place.
import { MAX_FILE_BYTES, type ParseResult } from '@/domain/exchange'
import { parseExchangeBytes } from '@/domain/exchange-file'
import { isPng } from '@/domain/png-chunk'
import type { WorkerAnswer } from '@/workers/exchange-file-answer'

export type ReadResult = ParseResult

/** Below this size parsing takes a few milliseconds: a worker would only add its start-up cost. */
const WORKER_THRESHOLD_BYTES = 256 * 1024

/** Reads and validates the file; rejects only when `signal` aborts (the person cancelled) or the worker fails. */
export async function readExchangeFile(file: Blob, signal?: AbortSignal): Promise<ReadResult> {
  // Checked before reading a single byte, as the format requires.
  if (file.size > MAX_FILE_BYTES) return { ok: false, problems: [{ kind: 'too-large', bytes: file.size }] }
  if (file.size === 0) return { ok: false, problems: [{ kind: 'empty' }] }
  const png = isPng(new Uint8Array(await file.slice(0, 8).arrayBuffer()))
  if (typeof Worker === 'undefined' || (!png && file.size < WORKER_THRESHOLD_BYTES)) {
    if (signal?.aborted) throw new DOMException('Import cancelled', 'AbortError')
    return parseExchangeBytes(new Uint8Array(await file.arrayBuffer()))
  }
  return parseInWorker(file, signal)
}

function parseInWorker(file: Blob, signal?: AbortSignal): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/exchange-file.worker.ts', import.meta.url), { type: 'module' })
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', onAbort)
    }
    const onAbort = () => {
      finish()
      reject(new DOMException('Import cancelled', 'AbortError'))
    }
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      finish()
      try {
        resolve(typeof event.data === 'string' ? (JSON.parse(event.data) as ReadResult) : event.data)
      } catch {
        resolve({ ok: false, problems: [{ kind: 'out-of-memory' }] })
      }
    }
    const fail = (message: string) => {
      finish()
      reject(new Error(message))
    }
    worker.onerror = (event) => {
      // Handled here: the page must not also report it as an uncaught error.
      event.preventDefault()
      fail(event.message || 'Worker failed')
    }
    worker.onmessageerror = () => fail('Worker result could not be read')
    if (signal?.aborted) onAbort()
    else worker.postMessage(file)
  })
}
