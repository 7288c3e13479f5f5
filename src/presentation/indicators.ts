// The radar's indicators as rows people read: one label, one value and, where it matters, the band, a note and
// the list behind the value. The indicators panel, the library card, the print view and the PNG all show these
// rows, so a figure reads the same wherever it appears.
import { computeIndicators, CRITICAL_CAP, criticalScaleUpThemes, THEME_IDS, type Indicators, type RadarScores, type ScaleUpBand } from '@/domain/grid'
import { formatPercent } from './format'
import type { Translate } from './translate'
import { THEME_LABELS } from '@/content/theme-labels'

export type IndicatorId = 'difficulties' | 'difficultyIndex' | 'scaleUpProbability' | 'blockers' | 'assessed'

export const INDICATOR_IDS: readonly IndicatorId[] = [
  'difficulties',
  'difficultyIndex',
  'scaleUpProbability',
  'blockers',
  'assessed',
]

/** "élevée" for the band `high`. */
export function bandName(band: ScaleUpBand, t: Translate): string {
  return t(`indicators.band.${band}`)
}

export interface IndicatorRow {
  id: IndicatorId
  label: string
  /** The figure in words: "45 %", "70 % — élevée", "Non évalué". */
  value: string
  /** The scale-up band behind the value, for styling. */
  band?: ScaleUpBand
  /** A sentence that qualifies the value: why it is capped, that the radar is complete. */
  note?: string
  /** The names behind the value, when it is a list (the blockers). */
  items?: string[]
}

export function indicatorRows(radar: RadarScores, t: Translate, indicators: Indicators = computeIndicators(radar)): IndicatorRow[] {
  const notAssessed = t('indicators.notAssessed')
  const critical = criticalScaleUpThemes(radar)
  const { scaleUpProbability, scaleUpBand } = indicators
  const blockers = indicators.blockers.map((id) => THEME_LABELS[id])
  const total = THEME_IDS.length
  const complete = indicators.assessed.prototype === total && indicators.assessed.scaleUp === total

  // A figure computed from part of the radar says on how many themes, rather than pass for the whole picture.
  const partial = (value: string, assessed: number) =>
    assessed < total ? t('indicators.partial', { value, n: assessed }, assessed) : value
  const { prototype: prototypeAssessed, scaleUp: scaleUpAssessed } = indicators.assessed

  return [
    {
      id: 'difficulties',
      label: t('indicators.difficulties'),
      value:
        prototypeAssessed === 0
          ? notAssessed
          : partial(t('indicators.difficultiesValue', { n: indicators.difficulties }, indicators.difficulties), prototypeAssessed),
    },
    {
      id: 'difficultyIndex',
      label: t('indicators.difficultyIndex'),
      value:
        indicators.difficultyIndex === null ? notAssessed : partial(formatPercent(indicators.difficultyIndex), prototypeAssessed),
    },
    {
      id: 'scaleUpProbability',
      label: t('indicators.scaleUpProbability'),
      value:
        scaleUpProbability === null || scaleUpBand === null
          ? notAssessed
          : partial(
              t('indicators.probabilityValue', { value: formatPercent(scaleUpProbability), band: bandName(scaleUpBand, t) }),
              scaleUpAssessed,
            ),
      band: scaleUpBand ?? undefined,
      note:
        critical.length === 0
          ? undefined
          : t('indicators.capNote', {
              cap: formatPercent(CRITICAL_CAP),
              themes: critical.map((id) => THEME_LABELS[id]).join(', '),
            }),
    },
    {
      id: 'blockers',
      label: t('indicators.blockers'),
      value: blockers.length === 0 ? t('indicators.noBlockers') : blockers.join(', '),
      items: blockers,
    },
    {
      id: 'assessed',
      label: t('indicators.assessed'),
      value: t('indicators.assessedValue', { ...indicators.assessed, total }),
      note: complete ? t('indicators.complete') : undefined,
    },
  ]
}

/** One row by id, for screens that show only some of them (the library card). */
export function indicatorRow(rows: readonly IndicatorRow[], id: IndicatorId): IndicatorRow {
  return rows.find((row) => row.id === id)!
}
