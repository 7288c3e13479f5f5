import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeBytes } from '@/domain/exchange-file'
import { correction, generate } from 'lean-qr'
import {
  MAX_QR_VERSION,
  MAX_SHARE_LINK_LENGTH,
  PART_PAYLOAD_LENGTH,
  PartsAssembler,
  decodePayload,
  encodePayload,
  newTransferId,
  parsePart,
  payloadChecksum,
  readShareFragment,
  shareFragment,
  splitIntoParts,
} from '@/domain/share-code'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

/** A seeded generator, so that a failing case can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
function randomPayload(length: number, random: () => number): string {
  return Array.from({ length }, () => ALPHABET[Math.floor(random() * 64)]).join('')
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other]!, copy[index]!]
  }
  return copy
}

describe('a payload (compact JSON, deflate-raw, base64url)', () => {
  it('gives back the sheets of the example files, far shorter than the file', async () => {
    for (const name of ['examples/fiche-sante.json', 'examples/fiches-atelier.json', 'v2/atelier-v2-complet.json']) {
      const text = fixture(name)
      const payload = await encodePayload(text)
      expect(payload).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(payload.length).toBeLessThan(text.length / 2)
      const decoded = await decodePayload(payload)
      expect(decoded.ok).toBe(true)
      if (!decoded.ok) continue
      const parsed = await parseExchangeBytes(decoded.bytes)
      const original = await parseExchangeBytes(new TextEncoder().encode(text))
      expect(parsed).toEqual(original)
    }
  })

  it('keeps a one-sheet example within a link’s length', async () => {
    const payload = await encodePayload(fixture('examples/fiche-sante.json'))
    expect(`https://fiches.example.fr/#${shareFragment(payload)}`.length).toBeLessThan(MAX_SHARE_LINK_LENGTH)
  })

  it('refuses text that is not base64url, or does not inflate', async () => {
    expect(await decodePayload('pas du base64!')).toEqual({ ok: false, problem: 'damaged' })
    expect(await decodePayload('AAAA_____')).toEqual({ ok: false, problem: 'damaged' })
  })

  it('stops inflating at the limit of an imported file', async () => {
    const payload = await encodePayload(JSON.stringify({ filler: 'a'.repeat(200_000) }))
    expect(payload.length).toBeLessThan(2_000)
    expect(await decodePayload(payload, 100_000)).toEqual({ ok: false, problem: 'too-large' })
    expect((await decodePayload(payload, 300_000)).ok).toBe(true)
  })
})

describe('a share link’s fragment', () => {
  it('carries the payload with its checksum and reads it back', () => {
    const payload = randomPayload(1_700, seeded(1))
    const fragment = shareFragment(payload)
    expect(fragment).toBe(`partage=${payloadChecksum(payload)}.${payload}`)
    expect(readShareFragment(`#${fragment}`)).toEqual({ kind: 'payload', payload })
  })

  it('is not ours when it carries something else (an anchor in a page)', () => {
    expect(readShareFragment('')).toEqual({ kind: 'none' })
    expect(readShareFragment('#contenu')).toEqual({ kind: 'none' })
  })

  it('is damaged when cut, when a character changed, or without its checksum', () => {
    const payload = randomPayload(1_700, seeded(2))
    const fragment = shareFragment(payload)
    expect(readShareFragment(`#${fragment.slice(0, -40)}`)).toEqual({ kind: 'damaged' })
    const changed = fragment.slice(0, 500) + (fragment[500] === 'A' ? 'B' : 'A') + fragment.slice(501)
    expect(readShareFragment(`#${changed}`)).toEqual({ kind: 'damaged' })
    expect(readShareFragment(`#partage=${payload}`)).toEqual({ kind: 'damaged' })
    expect(readShareFragment('#partage=')).toEqual({ kind: 'damaged' })
  })
})

describe('QR parts', () => {
  it('say which transfer they belong to, where they go and the checksum of the whole', () => {
    const payload = randomPayload(1_732, seeded(3))
    const parts = splitIntoParts(payload, 'k3x9q2')
    expect(parts).toHaveLength(3)
    expect(parts[0]).toMatch(new RegExp(`^FPD1:1/3:k3x9q2:${payloadChecksum(payload)}:`))
    expect(parsePart(parts[2]!)).toMatchObject({ index: 3, total: 3, transferId: 'k3x9q2' })
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(PART_PAYLOAD_LENGTH + 27)
  })

  it('come back together from 100 bytes to 50 KB, in any order, each seen several times', () => {
    const random = seeded(4)
    for (const length of [100, 799, 800, 801, 1_732, 2_147, 13_803, 50 * 1024]) {
      const payload = randomPayload(length, random)
      const parts = splitIntoParts(payload, newTransferId(random))
      const assembler = new PartsAssembler()
      // The loop shows every part again and again; the camera catches them in any order.
      const seen = shuffled([...parts, ...parts, ...parts], random)
      const outcomes = seen.map((part) => assembler.add(part))
      const complete = outcomes.filter((outcome) => outcome.kind === 'complete')
      expect(complete, `${length} characters`).toEqual([{ kind: 'complete', transferId: expect.any(String), payload, total: parts.length }])
      expect(outcomes.filter((outcome) => outcome.kind === 'added')).toHaveLength(parts.length - 1)
      expect(outcomes.filter((outcome) => outcome.kind === 'duplicate')).toHaveLength(parts.length * 2)
    }
  })

  it('share the payload evenly, so every code of a transfer is as small as the fewest parts allow', () => {
    // fiche-sante.json's payload: 3 parts of 568 characters, each a version-17 code (85 modules), not 800 + 800 + 104.
    const parts = splitIntoParts(randomPayload(1_704, seeded(12)), 'hhhhhh')
    expect(parts.map((part) => parsePart(part)!.data.length)).toEqual([568, 568, 568])
    const sizes = parts.map((part) => generate(part, { minCorrectionLevel: correction.L, maxVersion: MAX_QR_VERSION }).size)
    expect(sizes).toEqual([85, 85, 85])
    // Uneven lengths differ by one character at most.
    const lengths = splitIntoParts(randomPayload(2_147, seeded(13)), 'iiiiii').map((part) => parsePart(part)!.data.length)
    expect(lengths).toEqual([716, 716, 715])
  })

  it('fit, header included, a version-20 code at error correction L (97 modules a side)', () => {
    const longest = splitIntoParts(randomPayload(PART_PAYLOAD_LENGTH * 99, seeded(11)), 'zzzzzz').at(-1)!
    expect(longest.length).toBe(PART_PAYLOAD_LENGTH + 27)
    const code = generate(longest, { minCorrectionLevel: correction.L, maxVersion: MAX_QR_VERSION })
    expect(code.size).toBe(97)
  })

  it('count a duplicated part once', () => {
    const parts = splitIntoParts(randomPayload(1_800, seeded(5)), 'aaaaaa')
    const assembler = new PartsAssembler()
    expect(assembler.add(parts[0]!)).toEqual({ kind: 'added', transferId: 'aaaaaa', received: 1, total: 3 })
    expect(assembler.add(parts[0]!)).toEqual({ kind: 'duplicate', transferId: 'aaaaaa', received: 1, total: 3 })
    expect(assembler.progress()).toEqual([{ transferId: 'aaaaaa', received: 1, total: 3 }])
  })

  it('wait for a missing part, saying how many are in', () => {
    const parts = splitIntoParts(randomPayload(3_000, seeded(6)), 'bbbbbb')
    const assembler = new PartsAssembler()
    for (const part of [parts[0]!, parts[1]!, parts[3]!]) expect(assembler.add(part).kind).toBe('added')
    expect(assembler.progress()).toEqual([{ transferId: 'bbbbbb', received: 3, total: 4 }])
    expect(assembler.add(parts[2]!).kind).toBe('complete')
    expect(assembler.progress()).toEqual([])
  })

  it('refuse a corrupt part: the whole does not match its checksum', () => {
    const payload = randomPayload(1_800, seeded(7))
    const parts = splitIntoParts(payload, 'cccccc')
    const corrupt = parts[1]!.slice(0, -1) + (parts[1]!.endsWith('A') ? 'B' : 'A')
    const assembler = new PartsAssembler()
    assembler.add(parts[0]!)
    assembler.add(corrupt)
    expect(assembler.add(parts[2]!)).toEqual({ kind: 'corrupt', transferId: 'cccccc' })
    // The transfer starts again, and completes with the right parts.
    for (const part of parts.slice(0, 2)) assembler.add(part)
    expect(assembler.add(parts[2]!)).toMatchObject({ kind: 'complete', payload })
  })

  it('assemble two transfers shown in turn, each whole', () => {
    const random = seeded(8)
    const first = randomPayload(1_500, random)
    const second = randomPayload(2_000, random)
    const mixed = shuffled([...splitIntoParts(first, 'dddddd'), ...splitIntoParts(second, 'eeeeee')], random)
    const assembler = new PartsAssembler()
    const complete = mixed.map((part) => assembler.add(part)).filter((outcome) => outcome.kind === 'complete')
    expect(complete.map((outcome) => outcome.kind === 'complete' && outcome.payload).sort()).toEqual([first, second].sort())
  })

  it('refuse parts of two transfers that claim the same id', () => {
    const random = seeded(9)
    const one = splitIntoParts(randomPayload(1_500, random), 'ffffff')
    const other = splitIntoParts(randomPayload(1_500, random), 'ffffff')
    const assembler = new PartsAssembler()
    assembler.add(one[0]!)
    expect(assembler.add(other[1]!)).toEqual({ kind: 'mixed', transferId: 'ffffff' })
    expect(assembler.progress()).toEqual([])
  })

  it('ignore other QR codes and receive a finished transfer only once', () => {
    const parts = splitIntoParts(randomPayload(900, seeded(10)), 'gggggg')
    const assembler = new PartsAssembler()
    expect(assembler.add('https://www.example.fr/')).toEqual({ kind: 'foreign' })
    expect(assembler.add('FPD1:3/2:gggggg:00000000:abc')).toEqual({ kind: 'foreign' })
    assembler.add(parts[0]!)
    expect(assembler.add(parts[1]!).kind).toBe('complete')
    expect(assembler.add(parts[0]!).kind).toBe('duplicate')
  })
})
