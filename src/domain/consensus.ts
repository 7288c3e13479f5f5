// Several people's scores of one project, read together (docs/method.md, « Consensus »): for each theme and axis,
// who scored it, the median, the range and the distribution, and whether the raters are far enough apart to talk
// it over before the sheet's radar is settled. Pure: the consensus screen and the tests lean on it.
import { MAX_SCORE, SCORE_AXES, THEME_IDS, type RadarScores, type ScoreAxis, type ThemeId, type ThemeScores } from './grid'

/** A consensus is read from 2 ratings up to 30 (a commission, a team). */
export const MIN_RATINGS = 2
export const MAX_RATINGS = 30

/** Two raters this many levels apart or more (max − min among those who scored) make a theme and axis « à discuter ». */
export const DISCUSSION_GAP = 2

interface AxisConsensus {
  theme: ThemeId
  axis: ScoreAxis
  /** How many raters scored this theme on this axis. */
  raters: number
  /** How many left it « non évalué ». */
  unassessed: number
  /** How many raters gave each level, 0 to 4. */
  distribution: [number, number, number, number, number]
  /** The lower middle score (see `lowerMedian`); null when nobody scored it. */
  median: number | null
  min: number | null
  max: number | null
  /** max − min, 0 to 4; null when nobody scored it. */
  gap: number | null
  toDiscuss: boolean
}

export interface Consensus {
  ratings: number
  /** Every theme and axis, in the grid's order (the themes' order, prototype before scaleUp). */
  axes: AxisConsensus[]
  /** The same, those to discuss first (widest gap first), then the others in the grid's order. */
  discussionOrder: AxisConsensus[]
  /** The medians as a radar's scores (null where nobody scored). */
  medians: Record<ThemeId, ThemeScores>
}

/**
 * The median of scores on the 0–4 scale, always a level of the scale: the middle score of an odd number, the lower
 * of the two middle scores of an even number (2 and 3 give 2, never 2.5). Lower rather than upper: a level the group
 * has not reached together is not claimed — where half the raters see a « Fort » issue and half a « Modéré » one,
 * the radar says « Modéré », and the range beside it shows the disagreement.
 */
export function lowerMedian(scores: readonly number[]): number | null {
  if (scores.length === 0) return null
  const sorted = [...scores].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

function axisConsensus(radars: readonly RadarScores[], theme: ThemeId, axis: ScoreAxis): AxisConsensus {
  const scores = radars.map((radar) => radar[theme][axis]).filter((score): score is number => score !== null)
  const distribution: AxisConsensus['distribution'] = [0, 0, 0, 0, 0]
  for (const score of scores) distribution[score]!++
  const min = scores.length === 0 ? null : Math.min(...scores)
  const max = scores.length === 0 ? null : Math.max(...scores)
  const gap = min === null || max === null ? null : max - min
  return {
    theme,
    axis,
    raters: scores.length,
    unassessed: radars.length - scores.length,
    distribution,
    median: lowerMedian(scores),
    min,
    max,
    gap,
    toDiscuss: gap !== null && gap >= DISCUSSION_GAP,
  }
}

/** The consensus of these ratings' scores (any number; the screens offer it from MIN_RATINGS to MAX_RATINGS). */
export function consensusOf(radars: readonly RadarScores[]): Consensus {
  for (const radar of radars)
    for (const theme of THEME_IDS)
      for (const axis of SCORE_AXES) {
        const score = radar[theme][axis]
        if (score !== null && !(Number.isInteger(score) && score >= 0 && score <= MAX_SCORE))
          throw new RangeError(`Score out of the scale: ${theme}.${axis} = ${score}`)
      }
  const axes = THEME_IDS.flatMap((theme) => SCORE_AXES.map((axis) => axisConsensus(radars, theme, axis)))
  const flagged = axes.filter((entry) => entry.toDiscuss)
  // Stable sort: equal gaps keep the grid's order.
  const discussionOrder = [...flagged.sort((a, b) => b.gap! - a.gap!), ...axes.filter((entry) => !entry.toDiscuss)]
  const medians = Object.fromEntries(THEME_IDS.map((theme) => [theme, { prototype: null, scaleUp: null }])) as Record<
    ThemeId,
    ThemeScores
  >
  for (const entry of axes) medians[entry.theme][entry.axis] = entry.median
  return { ratings: radars.length, axes, discussionOrder, medians }
}

/**
 * A sheet's radar with the consensus's medians as its 20 scores (null where nobody scored), the sheet's own
 * comments kept: what « Adopter comme radar de la fiche » writes.
 */
export function radarWithMedians<Radar extends Record<ThemeId, ThemeScores>>(radar: Radar, medians: Record<ThemeId, ThemeScores>): Radar {
  const adopted = structuredClone(radar)
  for (const theme of THEME_IDS) for (const axis of SCORE_AXES) adopted[theme][axis] = medians[theme][axis]
  return adopted
}
