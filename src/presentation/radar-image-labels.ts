// Every word of the radar image, from the locale: the image is drawn by services/radar-image.ts, which knows
// pixels, not French.
import type { Sheet } from '@/domain/sheet'
import { displayText } from './display-text'
import { formatDay } from './format'
import { indicatorRows, type IndicatorRow } from './indicators'
import { radarChartLabels, type RadarChartLabels } from './radar-chart'
import type { Translate } from './translate'

export interface RadarImageLabels {
  chart: RadarChartLabels
  title: string
  organisation: string
  /** "Fiche mise à jour le 2 mars 2026": the sheet's own date, so two exports of it give the same pixels. */
  updated: string
  indicators: IndicatorRow[]
  footer: string
}

export function radarImageLabels(sheet: Sheet, t: Translate): RadarImageLabels {
  return {
    chart: radarChartLabels(t),
    title: displayText(sheet.project.title),
    organisation: displayText(sheet.organisation) || t('library.noOrganisation'),
    updated: t('image.updated', { date: formatDay(sheet.updatedAt) }),
    indicators: indicatorRows(sheet.radar, t),
    footer: t('image.footer'),
  }
}
