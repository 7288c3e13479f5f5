// Sheets carried by a link or by QR codes, with no file and no server: the exchange envelope as compact JSON,
// compressed (deflate-raw, the platform's CompressionStream), in base64url — the "payload". A CRC-32 of the payload
// travels with it: deflate-raw has no check of its own, and a link cut by a messaging tool or a QR part from
// another transfer must be refused, never misread.
import { MAX_FILE_BYTES } from './exchange'
import { crc32 } from './png-chunk'

/** The fragment's key: `…/#partage=<checksum>.<payload>`. A fragment is never sent to any server. */
const SHARE_LINK_KEY = 'partage'

/**
 * The longest link offered: RFC 9110 §4.1 asks every sender and recipient to handle URIs of at least 8,000
 * octets, and messaging tools that rewrite or preview links (mail gateways' safe-link wrappers, chat apps) are
 * only known to keep them whole below that. A longer share goes as a file.
 */
export const MAX_SHARE_LINK_LENGTH = 8000

/** A QR part: `FPD1:<i>/<n>:<transfer id>:<checksum of the whole payload>:<slice of the payload>`. */
const PART_PREFIX = 'FPD1'

/**
 * Payload characters per QR part. With its header (at most 27 characters for up to 99 parts) a part fits a
 * version-20 code at error correction L (858 bytes): 97 modules a side, which a laptop webcam reads from a phone
 * screen at 30–50 cm. A filmed screen loses modules to blur and resolution, not to stains: a denser code (level M
 * needs version 23, 109 modules, for the same part) would be harder to read, not easier. A new sheet (about 720
 * characters) fits one code; the median example sheet (1,732) takes 3 parts, the largest (2,147) 3 — shared evenly,
 * 3 codes of version 17 to 19 (see splitIntoParts).
 */
export const PART_PAYLOAD_LENGTH = 800

/** The largest QR code version shown (see PART_PAYLOAD_LENGTH). */
export const MAX_QR_VERSION = 20

/** No more parts than a person waits for (a workshop of 17 sheets is 23 parts). */
const MAX_PARTS = 99

const BASE64URL = /^[A-Za-z0-9_-]+$/
const ascii = new TextEncoder()

/** The payload's checksum: CRC-32 of its characters, as 8 lower-case hexadecimal digits. */
export function payloadChecksum(payload: string): string {
  return crc32(ascii.encode(payload)).toString(16).padStart(8, '0')
}

function toBase64url(bytes: Uint8Array): string {
  let binary = ''
  // By slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(binary, (character) => character.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** The exchange file's text as a payload; the JSON is written compactly first (the file's indentation is for people). */
export async function encodePayload(envelopeText: string): Promise<string> {
  const compact = JSON.stringify(JSON.parse(envelopeText))
  const stream = new Blob([compact]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  return toBase64url(new Uint8Array(await new Response(stream).arrayBuffer()))
}

export type DecodedPayload = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'damaged' | 'too-large' }

/**
 * The exchange file's bytes from a payload, inflated no further than an imported file may weigh: a crafted link
 * cannot make the page inflate gigabytes.
 */
export async function decodePayload(payload: string, maxBytes = MAX_FILE_BYTES): Promise<DecodedPayload> {
  const compressed = fromBase64url(payload)
  if (!compressed) return { ok: false, problem: 'damaged' }
  const reader = new Blob([compressed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.length
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined)
        return { ok: false, problem: 'too-large' }
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, problem: 'damaged' }
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return { ok: true, bytes }
}

/** The fragment of a share link, without its « # ». */
export function shareFragment(payload: string): string {
  return `${SHARE_LINK_KEY}=${payloadChecksum(payload)}.${payload}`
}

export type SharedFragment = { kind: 'none' } | { kind: 'payload'; payload: string } | { kind: 'damaged' }

/**
 * What an address's fragment carries: nothing of ours, a payload whose checksum holds, or a share link that was cut
 * or altered on its way (a messaging tool that wrapped it, a character changed).
 */
export function readShareFragment(hash: string): SharedFragment {
  const fragment = hash.replace(/^#/, '')
  if (!fragment.startsWith(`${SHARE_LINK_KEY}=`)) return { kind: 'none' }
  const match = /^([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/.exec(fragment.slice(SHARE_LINK_KEY.length + 1))
  if (!match || payloadChecksum(match[2]!) !== match[1]) return { kind: 'damaged' }
  return { kind: 'payload', payload: match[2]! }
}

/** A short transfer id: 6 base-36 characters, so that parts of two transfers shown in one room never mix. */
export function newTransferId(random: () => number = Math.random): string {
  let id = ''
  for (let index = 0; index < 6; index++) id += Math.floor(random() * 36).toString(36)
  return id
}

/**
 * The payload as QR parts, each saying which transfer it belongs to, where it goes, and the whole's checksum. The
 * payload is shared evenly between the fewest parts of at most `partLength` characters: 1,704 characters are 3
 * parts of 568 (version 17, 85 modules a side) rather than 800, 800 and 104 (two codes of version 20, 97 modules).
 */
export function splitIntoParts(payload: string, transferId: string, partLength = PART_PAYLOAD_LENGTH): string[] {
  const total = partCount(payload, partLength)
  if (total > MAX_PARTS) throw new RangeError(`A payload of ${payload.length} characters needs more than ${MAX_PARTS} parts`)
  const checksum = payloadChecksum(payload)
  const sliceLength = Math.max(1, Math.ceil(payload.length / total))
  return Array.from(
    { length: total },
    (_, index) => `${PART_PREFIX}:${index + 1}/${total}:${transferId}:${checksum}:${payload.slice(index * sliceLength, (index + 1) * sliceLength)}`,
  )
}

/** How many parts a payload takes. */
function partCount(payload: string, partLength = PART_PAYLOAD_LENGTH): number {
  return Math.max(1, Math.ceil(payload.length / partLength))
}

export interface Part {
  index: number
  total: number
  transferId: string
  checksum: string
  data: string
}

/** A scanned text as a part of ours, or undefined (another QR code: a web address, a ticket). */
export function parsePart(text: string): Part | undefined {
  const match = /^FPD1:(\d{1,2})\/(\d{1,2}):([0-9a-z]{6}):([0-9a-f]{8}):([A-Za-z0-9_-]*)$/.exec(text.trim())
  if (!match) return undefined
  const index = Number(match[1])
  const total = Number(match[2])
  if (total < 1 || index < 1 || index > total) return undefined
  return { index, total, transferId: match[3]!, checksum: match[4]!, data: match[5]! }
}

/** What one scanned code did to the transfers under way. */
export type PartOutcome =
  /** Not one of our codes. */
  | { kind: 'foreign' }
  /** A part already received (the loop shows each part again and again). */
  | { kind: 'duplicate'; transferId: string; received: number; total: number }
  | { kind: 'added'; transferId: string; received: number; total: number }
  /** Every part is in and the checksum holds. */
  | { kind: 'complete'; transferId: string; payload: string; total: number }
  /**
   * A part that contradicts the transfer it names (another count of parts, another checksum), or parts whose whole
   * does not match its checksum: the transfer starts again.
   */
  | { kind: 'mixed'; transferId: string }
  | { kind: 'corrupt'; transferId: string }

interface Transfer {
  total: number
  checksum: string
  parts: Map<number, string>
}

/**
 * Assembles the parts of any number of transfers, in any order, each part as often as it is scanned. A completed
 * transfer is remembered, so the codes still on screen are not received twice.
 */
export class PartsAssembler {
  private readonly transfers = new Map<string, Transfer>()
  private readonly completed = new Set<string>()

  /** Parts received of each transfer not yet complete. */
  progress(): { transferId: string; received: number; total: number }[] {
    return [...this.transfers].map(([transferId, transfer]) => ({ transferId, received: transfer.parts.size, total: transfer.total }))
  }

  add(text: string): PartOutcome {
    const part = parsePart(text)
    if (!part) return { kind: 'foreign' }
    const { transferId } = part
    if (this.completed.has(`${transferId}:${part.checksum}`)) return { kind: 'duplicate', transferId, received: part.total, total: part.total }
    let transfer = this.transfers.get(transferId)
    if (transfer && (transfer.total !== part.total || transfer.checksum !== part.checksum)) {
      this.transfers.delete(transferId)
      return { kind: 'mixed', transferId }
    }
    if (!transfer) {
      transfer = { total: part.total, checksum: part.checksum, parts: new Map() }
      this.transfers.set(transferId, transfer)
    }
    const known = transfer.parts.get(part.index)
    if (known !== undefined) {
      if (known === part.data) return { kind: 'duplicate', transferId, received: transfer.parts.size, total: transfer.total }
      this.transfers.delete(transferId)
      return { kind: 'mixed', transferId }
    }
    transfer.parts.set(part.index, part.data)
    if (transfer.parts.size < transfer.total) return { kind: 'added', transferId, received: transfer.parts.size, total: transfer.total }
    this.transfers.delete(transferId)
    const payload = Array.from({ length: transfer.total }, (_, index) => transfer.parts.get(index + 1)).join('')
    if (payloadChecksum(payload) !== transfer.checksum) return { kind: 'corrupt', transferId }
    this.completed.add(`${transferId}:${transfer.checksum}`)
    return { kind: 'complete', transferId, payload, total: transfer.total }
  }
}
