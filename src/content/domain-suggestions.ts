// Words offered to the person, not rules: the domain's free text keeps whatever is typed.

/**
 * Themes or commissions the source workshops grouped projects by, offered as suggestions for `project.domain`,
 * which stays free text.
 */
export const DOMAIN_SUGGESTIONS = [
  'Santé',
  'Santé globale',
  'Éducation',
  'Mobilités',
  'Eau',
  'Environnement',
  'Aménagement',
  'Énergie',
  'Déchets',
  'Social',
  'Culture',
  'Tourisme',
  'Agriculture',
  'Sécurité',
  'Numérique',
  'Finances',
] as const
