// What the import worker sends back, however the work ends: the page waits for exactly one answer per file, so
// every failure (an unreadable file, a result too big to hand over) must still reach it, as a problem it can word.
import { parseExchangeBytes } from '@/domain/exchange-file'
import type { ParseResult } from '@/domain/exchange'

/** The answer is the result itself, or its JSON text when the browser cannot clone so many objects at once. */
export type WorkerAnswer = ParseResult | string

export async function answerExchangeFile(file: Blob, post: (answer: WorkerAnswer) => void): Promise<void> {
  let result: ParseResult
  try {
    result = await parseExchangeBytes(new Uint8Array(await file.arrayBuffer()))
  } catch {
    result = { ok: false, problems: [{ kind: 'read-failed' }] }
  }
  try {
    post(result)
    return
  } catch {
    // Structured clone ran out of memory (DataCloneError): one string is far lighter to hand over.
  }
  try {
    post(JSON.stringify(result))
  } catch {
    post({ ok: false, problems: [{ kind: 'out-of-memory' }] })
  }
}
