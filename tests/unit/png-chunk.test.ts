import { describe, expect, it } from 'vitest'
import { addTextChunk, crc32, isPng, readTextChunk } from '@/domain/png-chunk'

// The smallest valid PNG: one transparent pixel.
const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
)

describe('PNG text chunks', () => {
  it('computes the CRC-32 that PNG uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082)
  })

  it('adds a compressed iTXt chunk before IEND and reads it back', async () => {
    const text = JSON.stringify({ format: 'fiche-projet-data', title: 'Mobilité rurale — « test »' })
    const png = await addTextChunk(ONE_PIXEL, text)
    expect(isPng(png)).toBe(true)
    const tail = new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4))
    expect(tail).toBe('IEND')
    expect(new TextDecoder('latin1').decode(png)).toContain('iTXtfiche-projet-data\0')
    expect(await readTextChunk(png, 1_000_000)).toEqual({ kind: 'text', text })
  })

  it('finds nothing in a PNG without our chunk, or in something that is not a PNG', async () => {
    expect(await readTextChunk(ONE_PIXEL, 1_000)).toEqual({ kind: 'none' })
    expect(await readTextChunk(new TextEncoder().encode('{"format":1}'), 1_000)).toEqual({ kind: 'none' })
  })

  it('says the sheet is too large when it would inflate beyond the limit, without inflating it all', async () => {
    const png = await addTextChunk(ONE_PIXEL, 'x'.repeat(100_000))
    expect(png.length).toBeLessThan(ONE_PIXEL.length + 1_000)
    expect(await readTextChunk(png, 10_000)).toEqual({ kind: 'too-large' })
  })

  it('says a truncated image or a wrong checksum is corrupt, not too large', async () => {
    const png = await addTextChunk(ONE_PIXEL, JSON.stringify({ format: 'fiche-projet-data' }))
    expect(await readTextChunk(png.subarray(0, png.length - 20), 1_000_000)).toEqual({ kind: 'corrupt' })
    const flipped = png.slice()
    const chunkStart = new TextDecoder('latin1').decode(png).indexOf('iTXt')
    flipped[chunkStart + 30] = flipped[chunkStart + 30]! ^ 0xff
    expect(await readTextChunk(flipped, 1_000_000)).toEqual({ kind: 'corrupt' })
  })

  it('stops at IEND: bytes after the end of the image are not read as chunks', async () => {
    const png = await addTextChunk(ONE_PIXEL, 'texte')
    const trailing = new Uint8Array([...png, ...new TextEncoder().encode('garbage after the image')])
    expect(await readTextChunk(trailing, 1_000)).toEqual({ kind: 'text', text: 'texte' })
  })

  it('says the text is unreadable when its compressed data is not valid zlib (checksum recomputed)', async () => {
    const header = new TextEncoder().encode('fiche-projet-data\0')
    const data = new Uint8Array([...header, 1, 0, 0, 0, 1, 2, 3, 4, 5])
    const chunk = new Uint8Array(12 + data.length)
    const view = new DataView(chunk.buffer)
    view.setUint32(0, data.length)
    chunk.set(new TextEncoder().encode('iTXt'), 4)
    chunk.set(data, 8)
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
    const iend = ONE_PIXEL.length - 12
    const png = new Uint8Array([...ONE_PIXEL.subarray(0, iend), ...chunk, ...ONE_PIXEL.subarray(iend)])
    expect(await readTextChunk(png, 1_000)).toEqual({ kind: 'unreadable' })
  })
})
