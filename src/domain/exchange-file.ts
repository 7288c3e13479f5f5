// The bytes of a file a person gave (JSON, or a radar PNG carrying its sheet) into valid sheets or problems. Runs
// the same in the page and in the import worker. Text must be UTF-8: a file saved in another encoding (Latin-1 by
// an old spreadsheet) would otherwise import with its accents garbled, and is refused with a way out instead.
import { MAX_FILE_BYTES, parseExchangeFile, type FileProblem, type ParseResult } from './exchange'
import { isPng, readTextChunk } from './png-chunk'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

const fail = (problem: FileProblem): ParseResult => ({ ok: false, problems: [problem] })

export async function parseExchangeBytes(bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.length > MAX_FILE_BYTES) return fail({ kind: 'too-large', bytes: bytes.length })
  if (bytes.length === 0) return fail({ kind: 'empty' })
  if (isPng(bytes)) {
    const chunk = await readTextChunk(bytes, MAX_FILE_BYTES)
    switch (chunk.kind) {
      case 'text':
        return parseExchangeFile(chunk.text)
      case 'none':
        return fail({ kind: 'png-without-sheet' })
      case 'corrupt':
        return fail({ kind: 'png-corrupt' })
      case 'too-large':
        return fail({ kind: 'png-sheet-too-large' })
      case 'unreadable':
        return fail({ kind: 'png-sheet-unreadable' })
    }
  }
  let text: string
  try {
    // A byte-order mark, which some editors add, is dropped by the decoder.
    text = strictUtf8.decode(bytes)
  } catch {
    return fail({ kind: 'not-utf8' })
  }
  return parseExchangeFile(text)
}
