// Parses and validates an exchange file off the main thread; posts back the same result as parseExchangeFile.
import { parseExchangeFile, type ParseResult } from '@/domain/exchange'

self.onmessage = async (event: MessageEvent<Blob>) => {
  let result: ParseResult
  try {
    result = parseExchangeFile(await event.data.text())
  } catch {
    // An unreadable file must still answer, or the import would wait forever.
    result = { ok: false, problems: [{ kind: 'not-json' }] }
  }
  self.postMessage(result)
}
