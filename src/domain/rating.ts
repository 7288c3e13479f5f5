// A rating (« avis »): one person's 20 scores and comments of a sheet, kept beside the sheet rather than as a
// look-alike copy, so that several people's scores of one project can be read together (consensus.ts). Ratings are
// stored records keyed by the sheet's id; the consensus is an aggregation of them. The schema is in rating-schema.ts.
import { SCORE_AXES, THEME_IDS, type RadarScores } from './grid'
import type { Rating, RatingSource } from './rating-schema'
import type { Sheet } from './sheet'

export type { Rating, RatingSource } from './rating-schema'

/** Whether two radars give the same 20 scores (comments aside). */
export function sameScores(a: RadarScores, b: RadarScores): boolean {
  return THEME_IDS.every((theme) => SCORE_AXES.every((axis) => a[theme][axis] === b[theme][axis]))
}

/** A person's copy of a sheet as a rating of it: their author, organisation, scores and comments. */
export function ratingFromSheet(sheet: Sheet, options: { source: RatingSource; now: Date; id?: string }): Rating {
  return {
    id: options.id ?? crypto.randomUUID(),
    sheetId: sheet.id,
    rater: sheet.author,
    organisation: sheet.organisation,
    ratedAt: sheet.updatedAt,
    receivedAt: options.now.toISOString(),
    source: options.source,
    radar: structuredClone(sheet.radar),
  }
}

/**
 * Where a new rating goes among a sheet's ratings: it replaces an earlier rating by the same named rater (a
 * person who sends corrected scores), is dropped when an anonymous rating with the same scores and comments is
 * already there (the same file received twice), and is added otherwise.
 */
export function placeRating(existing: readonly Rating[], incoming: Rating): { kind: 'added' } | { kind: 'replaced'; previous: Rating } | { kind: 'duplicate' } {
  const rater = incoming.rater.toLocaleLowerCase('fr')
  if (rater !== '') {
    const previous = existing.find((rating) => rating.sheetId === incoming.sheetId && rating.rater.toLocaleLowerCase('fr') === rater)
    return previous ? { kind: 'replaced', previous } : { kind: 'added' }
  }
  const same = existing.some(
    (rating) => rating.sheetId === incoming.sheetId && rating.rater === '' && JSON.stringify(rating.radar) === JSON.stringify(incoming.radar),
  )
  return same ? { kind: 'duplicate' } : { kind: 'added' }
}
