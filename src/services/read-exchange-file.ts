// Reads a file a person dropped or picked and turns it into valid sheets or problems. Large files are parsed in a
// Web Worker so the page never freezes; where workers are unavailable (tests in happy-dom) it parses in place.
import { MAX_FILE_BYTES, parseExchangeFile, type ParseResult } from '@/domain/exchange'
import { isPng, readTextChunk } from '@/domain/png-chunk'

export type ReadResult = ParseResult

/** Below this size parsing takes a few milliseconds: a worker would only add its start-up cost. */
const WORKER_THRESHOLD_BYTES = 256 * 1024

export async function readExchangeFile(file: Blob): Promise<ReadResult> {
  // Checked before reading a single byte, as the format requires.
  if (file.size > MAX_FILE_BYTES) return { ok: false, problems: [{ kind: 'too-large', bytes: file.size }] }
  if (file.size === 0) return { ok: false, problems: [{ kind: 'empty' }] }
  if (isPng(new Uint8Array(await file.slice(0, 8).arrayBuffer()))) return readSheetImage(file)
  if (file.size < WORKER_THRESHOLD_BYTES || typeof Worker === 'undefined') return parseExchangeFile(await file.text())
  return parseInWorker(file)
}

function parseInWorker(file: Blob): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/exchange-file.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<ReadResult>) => {
      worker.terminate()
      resolve(event.data)
    }
    const fail = (message: string) => {
      worker.terminate()
      reject(new Error(message))
    }
    worker.onerror = (event) => fail(event.message || 'Worker failed')
    worker.onmessageerror = () => fail('Worker result could not be read')
    worker.postMessage(file)
  })
}

/** A radar image exported by the app carries its sheet file; importing it is importing that file. */
async function readSheetImage(file: Blob): Promise<ReadResult> {
  let text: string | null
  try {
    text = await readTextChunk(new Uint8Array(await file.arrayBuffer()), MAX_FILE_BYTES)
  } catch {
    return { ok: false, problems: [{ kind: 'too-large', bytes: file.size }] }
  }
  return text === null ? { ok: false, problems: [{ kind: 'png-without-sheet' }] } : parseExchangeFile(text)
}
