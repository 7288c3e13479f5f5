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
  /** Whether the stored CRC matches the chunk's type and data. */
  intact: boolean
}

/** The chunks up to IEND; a chunk cut off by the end of the file ends the walk with `truncated`. */
function walkChunks(png: Uint8Array): { chunks: Chunk[]; truncated: boolean } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const found: Chunk[] = []
  let offset = PNG_SIGNATURE.length
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8))
    const dataStart = offset + 8
    if (dataStart + length + 4 > png.length) return { chunks: found, truncated: true }
    const intact = view.getUint32(dataStart + length) === crc32(png.subarray(offset + 4, dataStart + length))
    found.push({ type, data: png.subarray(dataStart, dataStart + length), start: offset, intact })
    if (type === 'IEND') return { chunks: found, truncated: false }
    offset = dataStart + length + 4
  }
  return { chunks: found, truncated: true }
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
  const end = walkChunks(png).chunks.find((chunk) => chunk.type === 'IEND')
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

/** What a PNG holds under our keyword: the text, nothing, or why it cannot be read. */
export type TextChunkResult =
  | { kind: 'text'; text: string }
  | { kind: 'none' }
  /** The image is cut short or a chunk's checksum is wrong: damaged in transit or edited by hand. */
  | { kind: 'corrupt' }
  /** The text would inflate beyond `maxBytes`. */
  | { kind: 'too-large' }
  /** The chunk is intact but its text cannot be decompressed or is not UTF-8. */
  | { kind: 'unreadable' }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The text of the iTXt chunk named `keyword`, checking every chunk's CRC up to IEND. */
export async function readTextChunk(
  png: Uint8Array,
  maxBytes: number,
  keyword = SHEET_CHUNK_KEYWORD,
): Promise<TextChunkResult> {
  if (!isPng(png)) return { kind: 'none' }
  const { chunks, truncated } = walkChunks(png)
  const prefix = encoder.encode(`${keyword}\0`)
  const ours = chunks.find(
    (chunk) =>
      chunk.type === 'iTXt' &&
      chunk.data.length >= prefix.length + 4 &&
      prefix.every((byte, index) => chunk.data[index] === byte),
  )
  if (truncated || chunks.some((chunk) => !chunk.intact)) return ours || truncated ? { kind: 'corrupt' } : { kind: 'none' }
  if (!ours) return { kind: 'none' }
  const flag = ours.data[prefix.length]
  // Skip the language tag and translated keyword, two NUL-terminated strings.
  let offset = prefix.length + 2
  for (let fields = 0; fields < 2; fields++) {
    while (offset < ours.data.length && ours.data[offset] !== 0) offset++
    offset++
  }
  const body = ours.data.subarray(offset)
  let bytes: Uint8Array
  try {
    bytes = flag === 1 ? await transform(body, new DecompressionStream('deflate'), maxBytes) : body
  } catch (error) {
    return error instanceof RangeError ? { kind: 'too-large' } : { kind: 'unreadable' }
  }
  if (bytes.length > maxBytes) return { kind: 'too-large' }
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes) }
  } catch {
    return { kind: 'unreadable' }
  }
}
