// A rating is built from a validated sheet (ratingFromSheet), never parsed: the schema its type comes from must
// accept every rating so built, and refuse what the stored record may not hold.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeFile } from '@/domain/exchange'
import { ratingFromSheet } from '@/domain/rating'
import { ratingSchema } from '@/domain/rating-schema'

const text = readFileSync(new URL('../../src/content/example-sheets.json', import.meta.url), 'utf8')
const parsed = parseExchangeFile(text)
if (!parsed.ok) throw new Error('The example sheets must parse')

describe('the rating schema', () => {
  it('accepts the rating made from each example sheet, through every channel', () => {
    const now = new Date('2026-12-06T10:00:00Z')
    for (const [index, sheet] of parsed.sheets.entries()) {
      const source = (['fichier', 'lien', 'qr', 'atelier'] as const)[index % 4]!
      const result = ratingSchema.safeParse(ratingFromSheet(sheet, { source, now }))
      expect(result.success, sheet.project.title).toBe(true)
    }
  })

  it('refuses an unknown channel, a rating of no sheet and a score off the scale', () => {
    const rating = ratingFromSheet(parsed.sheets[0]!, { source: 'fichier', now: new Date() })
    expect(ratingSchema.safeParse({ ...rating, source: 'courriel' }).success).toBe(false)
    expect(ratingSchema.safeParse({ ...rating, sheetId: 'pas-un-uuid' }).success).toBe(false)
    const offScale = structuredClone(rating)
    ;(offScale.radar.datamining as { prototype: number | null }).prototype = 5
    expect(ratingSchema.safeParse(offScale).success).toBe(false)
  })
})
