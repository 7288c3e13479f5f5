// Parses and validates an exchange file off the main thread; posts back the same result as parseExchangeFile.
import { parseExchangeFile } from '@/domain/exchange'

self.onmessage = async (event: MessageEvent<Blob>) => {
  self.postMessage(parseExchangeFile(await event.data.text()))
}
