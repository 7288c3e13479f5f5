// The names of the scale's levels and of the two axes (the editor's words, fr-sheet.json): the domain holds their
// ids, the locale their words, and this module is the one place that joins the two. The bands' names are the
// indicators' (indicators.ts), which the library shows too.
import { DISCUSSION_GAP } from '@/domain/consensus'
import { MAX_SCORE, METHOD_FIGURES, SCORE_VALUES, type Score, type ScoreAxis } from '@/domain/grid'
import type { Translate } from './translate'

export function isScore(value: unknown): value is Score {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SCORE
}

/** "Fort" for 3. */
export function levelName(score: Score, t: Translate): string {
  return t(`radar.scale.${score}`)
}

/** Every level, in scale order, with its name: for the score controls and the method panel. */
export function scaleLevels(t: Translate): { score: Score; name: string }[] {
  return SCORE_VALUES.map((score) => ({ score, name: levelName(score, t) }))
}

/** A radar score in words, the same in every table: "3 — Fort", or "Non évalué". */
export function scoreText(score: number | null, t: Translate): string {
  if (!isScore(score)) return t('common.notAssessed')
  return t('radar.score.value', { score, label: levelName(score, t) })
}

/**
 * "Frein au passage à l'échelle": the one name of an axis, the same in the score controls, the radar's legend, the
 * tables, the print view and the PNG.
 */
export function axisName(axis: ScoreAxis, t: Translate): string {
  return t(`radar.axis.${axis}`)
}

/**
 * The method's figures as the sentences that quote them take them (`{highFrom}`, `{lowTo}`…): the Méthode panel,
 * the matrix's bands and its note, from the constants the computation uses.
 */
export function methodFigures(): Record<string, number> {
  const { difficultyFrom, critical, criticalCap, highFrom, mediumFrom } = METHOD_FIGURES
  return { difficultyFrom, critical, criticalCap, highFrom, mediumFrom, mediumTo: highFrom - 1, lowTo: mediumFrom - 1, gap: DISCUSSION_GAP }
}
