// How a saved state of the radar is named to people: by its label when it has one, always with its date.
import type { RadarSnapshot } from '@/domain/sheet'
import { formatDateTime, formatDay } from './format'
import type { Translate } from './translate'

/** « Premier atelier, 15 janvier 2026 » or « état du 15 janvier 2026 à 11:00 ». */
export function snapshotName(snapshot: Pick<RadarSnapshot, 'label' | 'takenAt'>, t: Translate): string {
  return snapshot.label
    ? t('radar.snapshots.namedState', { label: snapshot.label, date: formatDay(snapshot.takenAt) })
    : t('radar.snapshots.datedState', { date: formatDateTime(snapshot.takenAt) })
}

/** The legend's name of an overlaid state: short, with its date. */
export function overlayName(snapshot: Pick<RadarSnapshot, 'takenAt'>, t: Translate): string {
  return t('radar.snapshots.overlayName', { date: formatDay(snapshot.takenAt) })
}
