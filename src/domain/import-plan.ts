// What importing valid sheets will do to a library: which are new, which are already here unchanged, and which
// clash with a different local sheet of the same id and need the person's choice.
import { sameSheet } from './exchange'
import { ratingFromSheet, sameScores, type Rating, type RatingSource } from './rating'
import { decoratedTitle } from './titles'
import type { Sheet } from './sheet'

/**
 * "garder la mienne" / "prendre la leur" / "garder les deux" / "ajouter comme avis de …" (the incoming scores become
 * a rating of the local sheet, which stays as it is).
 */
export type ConflictChoice = 'mine' | 'theirs' | 'both' | 'rating'

export interface ImportConflict {
  incoming: Sheet
  local: Sheet
  /** The incoming sheet scores the project otherwise: it can be added as a rating. */
  scoresDiffer: boolean
}

interface ImportPlan {
  fresh: Sheet[]
  identical: Sheet[]
  conflicts: ImportConflict[]
}

interface ImportOutcome {
  toWrite: Sheet[]
  /** Ratings to store beside their sheets (see placeRating for how they join earlier ones). */
  ratings: Rating[]
  added: number
  replaced: number
  skipped: number
}

export function planImport(incoming: readonly Sheet[], localById: ReadonlyMap<string, Sheet>): ImportPlan {
  const plan: ImportPlan = { fresh: [], identical: [], conflicts: [] }
  for (const sheet of incoming) {
    const local = localById.get(sheet.id)
    if (!local) plan.fresh.push(sheet)
    else if (sameSheet(local, sheet)) plan.identical.push(sheet)
    else plan.conflicts.push({ incoming: sheet, local, scoresDiffer: !sameScores(local.radar, sheet.radar) })
  }
  return plan
}

/** Applies the choices (one per conflicting id) and says what will be written and counted. */
export function resolveImport(
  plan: ImportPlan,
  choices: ReadonlyMap<string, ConflictChoice>,
  copyTitle: (title: string) => string,
  rating: { source: RatingSource; now: Date } = { source: 'fichier', now: new Date() },
): ImportOutcome {
  const outcome: ImportOutcome = {
    toWrite: [...plan.fresh],
    ratings: [],
    added: plan.fresh.length,
    replaced: 0,
    skipped: plan.identical.length,
  }
  for (const { incoming, scoresDiffer } of plan.conflicts) {
    const choice = choices.get(incoming.id) ?? 'mine'
    if (choice === 'rating' && scoresDiffer) outcome.ratings.push(ratingFromSheet(incoming, rating))
    else if (choice === 'mine' || choice === 'rating') outcome.skipped++
    else if (choice === 'theirs') {
      outcome.toWrite.push(incoming)
      outcome.replaced++
    } else {
      // "Keep both": the imported copy gets a new identity so both can live in the library.
      outcome.toWrite.push({
        ...incoming,
        id: crypto.randomUUID(),
        project: { ...incoming.project, title: decoratedTitle(incoming.project.title, copyTitle) },
      })
      outcome.added++
    }
  }
  return outcome
}
