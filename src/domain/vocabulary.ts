// The closed lists and limits of the exchange format (docs/exchange-format.md), without Zod,
// so that screens which only display sheets don't load the validation code.

export const PHASES = ['idee', 'prototype', 'experimentation', 'generalisation', 'abandonne'] as const
export const STAKEHOLDER_ROLES = [
  'porteur',
  'partenaire',
  'fournisseur-donnees',
  'prestataire',
  'financeur',
  'usager',
  'autre',
] as const
export const DATA_ACCESS_MODES = ['open-data', 'interne', 'convention', 'achat', 'a-collecter', 'autre'] as const
export const PERSONAL_DATA_LEVELS = ['non', 'oui', 'sensible'] as const
export const LEGAL_TOPICS = [
  'traitements',
  'rgpd',
  'open-data',
  'hebergement',
  'propriete',
  'contrats',
  'ethique',
] as const
export const LEGAL_STATUSES = ['non-evalue', 'sans-objet', 'a-traiter', 'en-cours', 'traite'] as const

/**
 * How a sheet was produced (format v2): one person's work, a group's in session, or a synthesis drafted with an AI
 * tool and then reviewed by people (the Comité Territorial de la Donnée marks its cards « Synthèse par IA » or
 * « Fiche réalisée en séance collective »).
 */
export const ORIGINS = ['individuel', 'collectif', 'synthese-ia'] as const
/**
 * What was decided about the project (format v2): still to be examined, kept among the priorities, kept in reserve,
 * set aside (for maturity, feasibility, indirect impact…), or carried out. Format v3 adds the moves a committee's
 * cases make over months: taken off the priorities (« dépriorisé ») and brought back (« réactivé »).
 */
export const DECISION_STATUSES = ['a-examiner', 'priorise', 'reserve', 'depriorise', 'reactive', 'ecarte', 'realise'] as const
/** Where a decision came from (format v3): a person who wrote it on the sheet, or a committee's vote. */
export const DECISION_SOURCES = ['personne', 'vote'] as const

export type Phase = (typeof PHASES)[number]
export type Origin = (typeof ORIGINS)[number]
export type DecisionStatus = (typeof DECISION_STATUSES)[number]
export type DecisionSource = (typeof DECISION_SOURCES)[number]
export type LegalTopic = (typeof LEGAL_TOPICS)[number]

/** Limits of the exchange format (docs/exchange-format.md), named so the UI can show them (maxlength, counters). */
export const LIMITS = {
  shortText: 200,
  /** A sheet's short name (format v3), « Téléphonie mobile »: what a chart's label or a ballot has room for. */
  shortLabel: 60,
  tag: 50,
  tags: 20,
  description: 20_000,
  longText: 5_000,
  note: 2_000,
  objective: 1_000,
  objectives: 50,
  milestones: 100,
  stakeholders: 200,
  territories: 500,
  territoryCode: 20,
  budgetLines: 100,
  impactIndicators: 50,
  datasets: 500,
  /** Saved states of the radar kept in one sheet (format v2). */
  snapshots: 50,
  /** Earlier decisions kept in one sheet (format v3); beyond, the oldest goes. */
  decisionHistory: 100,
  /** Euros: far above any local authority's budget, low enough that a typing slip (a few extra zeros) is caught. */
  amount: 1_000_000_000_000,
} as const

/**
 * Characters that show nothing: format controls (zero-width spaces, bidi marks), separators, and the fillers some
 * scripts have (Hangul U+3164, U+115F, U+1160, U+FFA0, Braille blank U+2800). Text made only of these is blank.
 */
const INVISIBLE = /[\p{Cf}\p{Z}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800\u180E]/gu

/** Whether a person would see anything of this text. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== ''
}
