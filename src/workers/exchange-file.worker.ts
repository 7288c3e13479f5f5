// Parses and validates an exchange file off the main thread (exchange-file-answer.ts says what comes back).
import { answerExchangeFile } from './exchange-file-answer'

self.onmessage = (event: MessageEvent<Blob>) => {
  void answerExchangeFile(event.data, (answer) => self.postMessage(answer))
}
