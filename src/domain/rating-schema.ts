// The stored and exchanged form of a rating (« avis », see rating.ts): its Zod schema and type. Apart from rating.ts
// so that the storage layer, which needs rating.ts's rules on the home page, does not load Zod with them.
import { z } from 'zod'
import { isoDateTime, text } from './schema-parts'
import { radarSchema } from './sheet'
import { LIMITS } from './vocabulary'

/** How a rating reached this library. */
const RATING_SOURCES = ['fichier', 'lien', 'qr', 'atelier'] as const

export const ratingSchema = z.object({
  id: z.uuid(),
  /** The sheet rated. */
  sheetId: z.uuid(),
  /** Who rated: a name or a role, as their sheet's author said; "" for an anonymous rating. */
  rater: text(LIMITS.shortText),
  /** The rater's organisation, if their sheet said. */
  organisation: text(LIMITS.shortText),
  /** When the rater last changed their sheet. */
  ratedAt: isoDateTime,
  /** When this library received the rating. */
  receivedAt: isoDateTime,
  source: z.enum(RATING_SOURCES),
  radar: radarSchema,
})

export type Rating = z.output<typeof ratingSchema>
export type RatingSource = Rating['source']
