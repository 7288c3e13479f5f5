// Reading a file's bytes: strict UTF-8, radar PNGs whose problems are told apart, and the worker's one answer.
import { describe, expect, it } from 'vitest'
import { serializeSheets } from '@/domain/exchange'
import { parseExchangeBytes } from '@/domain/exchange-file'
import { addTextChunk } from '@/domain/png-chunk'
import { createSheet } from '@/domain/sheet'
import { answerExchangeFile, type WorkerAnswer } from '@/workers/exchange-file-answer'

const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
)
const fileText = serializeSheets([createSheet({ title: 'Mobilité rurale' })], new Date('2026-11-25T10:00:00Z'))
const kinds = (result: Awaited<ReturnType<typeof parseExchangeBytes>>) => (result.ok ? [] : result.problems.map((p) => p.kind))

describe('parseExchangeBytes', () => {
  it('reads a UTF-8 file, with or without a byte-order mark', async () => {
    const bytes = new TextEncoder().encode(fileText)
    expect((await parseExchangeBytes(bytes)).ok).toBe(true)
    expect((await parseExchangeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).ok).toBe(true)
  })

  it('refuses a Latin-1 file instead of importing « Mobilit� »', async () => {
    // "é" as the single byte 0xE9: what a spreadsheet saving in Windows-1252 writes.
    const latin1 = Uint8Array.from(fileText, (char) => (char === 'é' ? 0xe9 : char.charCodeAt(0)))
    expect(kinds(await parseExchangeBytes(latin1))).toEqual(['not-utf8'])
  })

  it('reads the sheet a radar PNG carries, and tells a damaged image from an oversized sheet', async () => {
    const png = await addTextChunk(ONE_PIXEL, fileText)
    expect((await parseExchangeBytes(png)).ok).toBe(true)
    expect(kinds(await parseExchangeBytes(png.subarray(0, png.length - 30)))).toEqual(['png-corrupt'])
    expect(kinds(await parseExchangeBytes(ONE_PIXEL))).toEqual(['png-without-sheet'])
    const huge = await addTextChunk(ONE_PIXEL, ' '.repeat(51 * 1024 * 1024))
    expect(huge.length).toBeLessThan(1024 * 1024)
    expect(kinds(await parseExchangeBytes(huge))).toEqual(['png-sheet-too-large'])
  })
})

describe('the import worker always answers', () => {
  const file = new Blob([fileText])

  it('posts the result as it is when it can', async () => {
    const answers: WorkerAnswer[] = []
    await answerExchangeFile(file, (answer) => answers.push(answer))
    expect(answers).toHaveLength(1)
    expect(typeof answers[0] === 'object' && answers[0].ok).toBe(true)
  })

  it('posts the result as text when the browser cannot clone it (out of memory)', async () => {
    const answers: WorkerAnswer[] = []
    await answerExchangeFile(file, (answer) => {
      if (typeof answer === 'object') throw new DOMException('Data cannot be cloned, out of memory.', 'DataCloneError')
      answers.push(answer)
    })
    expect(answers).toHaveLength(1)
    expect(JSON.parse(answers[0] as string).ok).toBe(true)
  })

  it('says so when nothing can be handed over at all', async () => {
    const answers: WorkerAnswer[] = []
    let calls = 0
    await answerExchangeFile(file, (answer) => {
      calls++
      if (calls < 3) throw new DOMException('out of memory', 'DataCloneError')
      answers.push(answer)
    })
    expect(answers).toEqual([{ ok: false, problems: [{ kind: 'out-of-memory' }] }])
  })

  it('answers a file that cannot be read', async () => {
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob
    const answers: WorkerAnswer[] = []
    await answerExchangeFile(unreadable, (answer) => answers.push(answer))
    expect(answers).toEqual([{ ok: false, problems: [{ kind: 'read-failed' }] }])
  })
})
