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
    expect(await readTextChunk(png, 1_000_000)).toBe(text)
  })

  it('finds nothing in a PNG without our chunk, or in something that is not a PNG', async () => {
    expect(await readTextChunk(ONE_PIXEL, 1_000)).toBeNull()
    expect(await readTextChunk(new TextEncoder().encode('{"format":1}'), 1_000)).toBeNull()
  })

  it('refuses to inflate a chunk beyond the size limit', async () => {
    const png = await addTextChunk(ONE_PIXEL, 'x'.repeat(100_000))
    expect(png.length).toBeLessThan(ONE_PIXEL.length + 1_000)
    await expect(readTextChunk(png, 10_000)).rejects.toThrow(RangeError)
  })
})
