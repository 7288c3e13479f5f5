// Carrying a sheet file inside a PNG: a compressed iTXt chunk (PNG spec §11.3.4.5) with our keyword, added before
// IEND. Reading it back is bounded, so a crafted image cannot inflate to gigabytes.
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10] as const
const SHEET_CHUNK_KEYWORD = 'fiche-projet-data'

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 as PNG computes it over a chunk's type and data. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((value, index) => bytes[index] === value)
}

interface Chunk {
  type: string
  data: Uint8Array
  /** Offset of the chunk's length field. */
  start: number
}

function* chunks(png: Uint8Array): Generator<Chunk> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let offset = PNG_SIGNATURE.length
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8))
    const dataStart = offset + 8
    if (dataStart + length + 4 > png.length) return
    yield { type, data: png.subarray(dataStart, dataStart + length), start: offset }
    offset = dataStart + length + 4
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      await reader.cancel()
      throw new RangeError('Chunk too large')
    }
    parts.push(value)
  }
  const out = new Uint8Array(total)
  let position = 0
  for (const part of parts) {
    out.set(part, position)
    position += part.length
  }
  return out
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  for (let index = 0; index < 4; index++) chunk[4 + index] = type.charCodeAt(index)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

const encoder = new TextEncoder()

/** A copy of the PNG with `text` in a compressed iTXt chunk named `keyword`, just before IEND. */
export async function addTextChunk(png: Uint8Array, text: string, keyword = SHEET_CHUNK_KEYWORD): Promise<Uint8Array> {
  if (!isPng(png)) throw new Error('Not a PNG')
  const end = [...chunks(png)].find((chunk) => chunk.type === 'IEND')
  if (!end) throw new Error('PNG without IEND')
  // zlib ("deflate" in CompressionStream) is the compression method 0 that iTXt requires.
  const compressed = await transform(encoder.encode(text), new CompressionStream('deflate'), Number.MAX_SAFE_INTEGER)
  const header = encoder.encode(`${keyword}\0`)
  // compression flag 1, method 0, empty language tag and translated keyword.
  const data = new Uint8Array([...header, 1, 0, 0, 0, ...compressed])
  const chunk = makeChunk('iTXt', data)
  const out = new Uint8Array(png.length + chunk.length)
  out.set(png.subarray(0, end.start))
  out.set(chunk, end.start)
  out.set(png.subarray(end.start), end.start + chunk.length)
  return out
}

/** The text of the iTXt chunk named `keyword`, or null when the PNG has none. */
export async function readTextChunk(
  png: Uint8Array,
  maxBytes: number,
  keyword = SHEET_CHUNK_KEYWORD,
): Promise<string | null> {
  if (!isPng(png)) return null
  const prefix = encoder.encode(`${keyword}\0`)
  for (const chunk of chunks(png)) {
    if (chunk.type !== 'iTXt' || chunk.data.length < prefix.length + 4) continue
    if (!prefix.every((byte, index) => chunk.data[index] === byte)) continue
    const flag = chunk.data[prefix.length]
    // Skip the language tag and translated keyword, two NUL-terminated strings.
    let offset = prefix.length + 2
    for (let fields = 0; fields < 2; fields++) {
      while (offset < chunk.data.length && chunk.data[offset] !== 0) offset++
      offset++
    }
    const body = chunk.data.subarray(offset)
    const bytes = flag === 1 ? await transform(body, new DecompressionStream('deflate'), maxBytes) : body
    return new TextDecoder().decode(bytes)
  }
  return null
}
