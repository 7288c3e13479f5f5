// The radar grid, version 1 (docs/method.md): the 10 themes, the scale and the indicators.
// Every copy of the app must compute the same figures from the same sheet, so this module is the only place they live.

export const THEME_IDS = [
  'datamining',
  'gouvernance',
  'management',
  'infrastructure',
  'cybersecurite',
  'algorithmie',
  'duplicabilite',
  'rgpd',
  'budget',
  'environnement',
] as const

export type ThemeId = (typeof THEME_IDS)[number]

export const SCORE_AXES = ['prototype', 'scaleUp'] as const
export type ScoreAxis = (typeof SCORE_AXES)[number]

export const SCORE_VALUES = [0, 1, 2, 3, 4] as const
export type Score = (typeof SCORE_VALUES)[number]
export const MAX_SCORE = 4

/** The band's id; its words (élevée, moyenne, faible) are the locale's. */
export type ScaleUpBand = 'high' | 'medium' | 'low'

export interface ThemeScores {
  prototype: number | null
  scaleUp: number | null
}

export type RadarScores = Readonly<Record<ThemeId, ThemeScores>>

/** The scores as two arrays in the radar's theme order: the chart's shape, and the library summary's. */
export interface ScoreArrays {
  prototype: (number | null)[]
  scaleUp: (number | null)[]
}

/** Scores keyed by theme → two arrays in theme order. The one conversion each way, with scoresByTheme. */
export function scoreArrays(radar: RadarScores): ScoreArrays {
  return {
    prototype: THEME_IDS.map((id) => radar[id].prototype),
    scaleUp: THEME_IDS.map((id) => radar[id].scaleUp),
  }
}

/** Two arrays in theme order → scores keyed by theme (a missing entry is « non évalué »); comments are not kept. */
export function scoresByTheme(arrays: Readonly<ScoreArrays>): Record<ThemeId, ThemeScores> {
  return Object.fromEntries(
    THEME_IDS.map((id, index) => [id, { prototype: arrays.prototype[index] ?? null, scaleUp: arrays.scaleUp[index] ?? null }]),
  ) as Record<ThemeId, ThemeScores>
}

export interface Indicators {
  /** Themes whose prototype score is 3 or more. */
  difficulties: number
  /** Mean prototype score as a percentage of the maximum; null when nothing is assessed. */
  difficultyIndex: number | null
  /** 100 minus the mean scale-up score in %, capped at 25 when any scale-up score is critical. */
  scaleUpProbability: number | null
  scaleUpBand: ScaleUpBand | null
  /** Themes with a critical score on either axis, in theme order. */
  blockers: ThemeId[]
  assessed: { prototype: number; scaleUp: number }
}

/**
 * The figures the method rests on (docs/method.md). The Méthode panel and the matrix quote them from here, so that
 * a sentence can never say one threshold while the computation uses another.
 */
export const METHOD_FIGURES = {
  /** A prototype score from this one on is a difficulty to overcome. */
  difficultyFrom: 3,
  /** The critical level: a blocker, and the cap below on the scale-up axis. */
  critical: 4,
  /** The scale-up probability never exceeds this while a scale-up score is critical. */
  criticalCap: 25,
  /** The probability is « élevée » from this percentage on… */
  highFrom: 67,
  /** …« moyenne » from this one, « faible » below. */
  mediumFrom: 34,
} as const

const DIFFICULTY_THRESHOLD = METHOD_FIGURES.difficultyFrom
const CRITICAL = METHOD_FIGURES.critical
export const CRITICAL_CAP = METHOD_FIGURES.criticalCap

function assessedScores(radar: RadarScores, axis: ScoreAxis): number[] {
  return THEME_IDS.map((id) => radar[id][axis]).filter((score): score is number => score !== null)
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** Themes whose scale-up score is critical: any one of them caps the scale-up probability. */
export function criticalScaleUpThemes(radar: RadarScores): ThemeId[] {
  return THEME_IDS.filter((id) => radar[id].scaleUp === CRITICAL)
}

export function scaleUpBand(probability: number): ScaleUpBand {
  if (probability >= METHOD_FIGURES.highFrom) return 'high'
  if (probability >= METHOD_FIGURES.mediumFrom) return 'medium'
  return 'low'
}

/**
 * round(100 × numerator / denominator) with halves going up, on integers only: floor((200a + b) / 2b).
 * A float formula such as Math.round(100 * (1 - 17 / 40)) lands just under .5 and rounds the wrong way, and
 * every copy of the app, in every collectivity, must print the same figure.
 */
function roundedPercent(numerator: number, denominator: number): number {
  return Math.floor((200 * numerator + denominator) / (2 * denominator))
}

/** The indicators of docs/method.md, computed from the 20 scores; null scores are ignored. */
export function computeIndicators(radar: RadarScores): Indicators {
  const prototype = assessedScores(radar, 'prototype')
  const scaleUp = assessedScores(radar, 'scaleUp')

  const difficultyIndex =
    prototype.length === 0 ? null : roundedPercent(sum(prototype), MAX_SCORE * prototype.length)

  let scaleUpProbability: number | null = null
  if (scaleUp.length > 0) {
    const maximum = MAX_SCORE * scaleUp.length
    scaleUpProbability = roundedPercent(maximum - sum(scaleUp), maximum)
    if (criticalScaleUpThemes(radar).length > 0) scaleUpProbability = Math.min(scaleUpProbability, CRITICAL_CAP)
  }

  return {
    difficulties: prototype.filter((score) => score >= DIFFICULTY_THRESHOLD).length,
    difficultyIndex,
    scaleUpProbability,
    scaleUpBand: scaleUpProbability === null ? null : scaleUpBand(scaleUpProbability),
    blockers: THEME_IDS.filter((id) => radar[id].prototype === CRITICAL || radar[id].scaleUp === CRITICAL),
    assessed: { prototype: prototype.length, scaleUp: scaleUp.length },
  }
}

/** Number of the 20 scores that are assessed (the library's completeness figure). */
export function assessedCount(radar: RadarScores): number {
  const { assessed } = computeIndicators(radar)
  return assessed.prototype + assessed.scaleUp
}

export const SCORE_COUNT = THEME_IDS.length * SCORE_AXES.length
