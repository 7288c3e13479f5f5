// The themes' short French labels, fixed by the grid (docs/method.md). Apart from their longer texts (themes.ts)
// so that screens that only show figures and axes (the library's thumbnails, the exports) don't carry those texts.
import type { ThemeId } from '@/domain/grid'

/** The French label of each theme, fixed by the grid (docs/method.md): the radar's axes and every table use it. */
export const THEME_LABELS: Readonly<Record<ThemeId, string>> = {
  datamining: 'Datamining',
  gouvernance: 'Gouvernance / acceptabilité',
  management: 'Management data',
  infrastructure: 'Infrastructure SI',
  cybersecurite: 'Cybersécurité',
  algorithmie: 'Algorithmie',
  duplicabilite: 'Duplicabilité',
  rgpd: 'RGPD',
  budget: 'Budget / achat de données',
  environnement: 'Environnement',
}
