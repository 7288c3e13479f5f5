// Every word of the radar image, in French, from the locale file.
import { computeIndicators, criticalScaleUpThemes } from '@/domain/grid'
import { themeById } from '@/domain/themes'
import type { Sheet } from '@/domain/sheet'
import type { RadarImageLabels } from '@/services/radar-image'

type Translate = (key: string, named?: Record<string, unknown>) => string

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' })

export function radarImageLabels(sheet: Sheet, t: Translate): RadarImageLabels {
  const indicators = computeIndicators(sheet.radar)
  const probability =
    indicators.scaleUpProbability === null
      ? t('image.notAssessed')
      : t(criticalScaleUpThemes(sheet.radar).length > 0 ? 'image.capped' : 'image.probabilityValue', {
          value: indicators.scaleUpProbability,
          band: indicators.scaleUpBand ?? '',
        })
  return {
    series: { prototype: t('radar.chart.series.prototype'), scaleUp: t('radar.chart.series.scaleUp') },
    organisation: sheet.organisation || t('image.noOrganisation'),
    updated: t('image.updated', { date: longDate.format(new Date(sheet.updatedAt)) }),
    indicators: [
      { label: t('image.difficulties'), value: String(indicators.difficulties) },
      {
        label: t('image.difficultyIndex'),
        value: indicators.difficultyIndex === null ? t('image.notAssessed') : `${indicators.difficultyIndex} %`,
      },
      { label: t('image.probability'), value: probability },
      {
        label: t('image.blockers'),
        value: indicators.blockers.map((id) => themeById(id).label).join(', ') || t('image.none'),
      },
      { label: t('image.assessed'), value: t('image.assessedValue', indicators.assessed) },
    ],
    footer: t('image.footer'),
  }
}
