// A radar score in words, the same in every table: "3 — Fort", or "Non évalué".
import { type Score } from '@/domain/grid'
import { SCALE_LABELS } from '@/domain/themes'

type Translate = (key: string, named?: Record<string, unknown>) => string

export function scoreText(score: number | null, t: Translate): string {
  if (score === null) return t('radar.score.notAssessed')
  return t('radar.score.value', { score, label: SCALE_LABELS[score as Score] })
}
