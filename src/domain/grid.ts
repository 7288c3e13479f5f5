// The radar grid, version 1 (shared/design/grid.md): the 10 themes, the scale and the indicators.
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

export interface Theme {
  id: ThemeId
  /** The label fixed by grid.md, shown on the radar axes. */
  label: string
  /** What the theme assesses, paraphrasing seed 003. */
  help: string
  /** Questions that help a workshop participant choose a score. */
  questions: readonly string[]
}

export const THEMES: readonly Theme[] = [
  {
    id: 'datamining',
    label: 'Datamining',
    help: 'Le projet conduit à repérer des jeux de données que la collectivité ne collecte ni ne traite encore, ou à donner un nouvel usage à des données existantes. Trouver et qualifier ces données est-il un enjeu majeur ?',
    questions: [
      'Sait-on déjà où se trouvent les données nécessaires et qui les détient ?',
      'Faut-il produire ou collecter des données qui n’existent pas encore ?',
      'Les données connues sont-elles assez fiables et à jour pour l’usage visé ?',
    ],
  },
  {
    id: 'gouvernance',
    label: 'Gouvernance / acceptabilité',
    help: 'Le projet soulève des questions de gouvernance avec l’extérieur : nouveaux partenariats, règles communes de gestion de la donnée. Il peut aussi interroger l’acceptabilité sociale du projet auprès des habitants.',
    questions: [
      'Faut-il nouer de nouveaux partenariats ou conventions avec d’autres acteurs ?',
      'Existe-t-il une doctrine partagée sur l’usage et le partage de ces données ?',
      'Les habitants ou les usagers pourraient-ils mal accueillir le projet ?',
    ],
  },
  {
    id: 'management',
    label: 'Management data',
    help: 'Le projet demande une organisation interne particulière pour accéder aux données et les traiter ; il annonce l’apparition d’une fonction data dans la collectivité.',
    questions: [
      'Les services concernés savent-ils qui fait quoi avec les données ?',
      'Faut-il des compétences ou un rôle nouveaux (administrateur de données, data analyst) ?',
      'La direction générale et les élus soutiennent-ils cette organisation ?',
    ],
  },
  {
    id: 'infrastructure',
    label: 'Infrastructure SI',
    help: 'Le projet nécessite de mettre en place une infrastructure technique pour héberger, stocker ou partager les données.',
    questions: [
      'Le système d’information actuel peut-il accueillir ces données ?',
      'Faut-il un hébergement nouveau (cloud, centre de données tiers, SaaS) ?',
      'Les données devront-elles être échangées avec d’autres systèmes ?',
    ],
  },
  {
    id: 'cybersecurite',
    label: 'Cybersécurité',
    help: 'Le projet pose une difficulté de cybersécurité ou risque d’ouvrir une nouvelle vulnérabilité (capteurs, accès externes, données sensibles).',
    questions: [
      'Le projet ajoute-t-il des objets connectés ou des accès depuis l’extérieur ?',
      'Quelles seraient les conséquences d’une fuite ou d’une indisponibilité des données ?',
      'Le RSSI ou un prestataire de sécurité a-t-il été associé ?',
    ],
  },
  {
    id: 'algorithmie',
    label: 'Algorithmie',
    help: 'Le projet fait appel à des algorithmes plus ou moins complexes (calculs statistiques, modèles prédictifs, intelligence artificielle).',
    questions: [
      'Les traitements sont-ils de simples calculs ou des modèles complexes ?',
      'Dispose-t-on des compétences pour concevoir, vérifier et expliquer ces algorithmes ?',
      'Les décisions qui en découlent devront-elles être justifiées auprès du public ?',
    ],
  },
  {
    id: 'duplicabilite',
    label: 'Duplicabilité',
    help: 'Le projet peut-il être pérennisé dans la collectivité et/ou reproduit dans d’autres collectivités ?',
    questions: [
      'Le projet dépend-il de conditions propres à ce territoire ou à ce prestataire ?',
      'Les outils et les données sont-ils ouverts ou réutilisables ailleurs ?',
      'Qui fera vivre le projet une fois l’expérimentation terminée ?',
    ],
  },
  {
    id: 'rgpd',
    label: 'RGPD',
    help: 'Le projet manipule des données à caractère personnel et demande une analyse RGPD approfondie, qui peut aller jusqu’à solliciter la CNIL.',
    questions: [
      'Des personnes peuvent-elles être identifiées, directement ou par recoupement ?',
      'Des données sensibles (santé, situation sociale…) sont-elles en jeu ?',
      'Le délégué à la protection des données a-t-il été consulté ? Une analyse d’impact est-elle nécessaire ?',
    ],
  },
  {
    id: 'budget',
    label: 'Budget / achat de données',
    help: 'Le projet a un coût plus ou moins élevé (prestation de datascience, infrastructure technique) et/ou suppose d’acheter des données.',
    questions: [
      'Le financement de l’expérimentation est-il assuré ?',
      'Faut-il acheter des données ou des licences, et à quel prix dans la durée ?',
      'Le coût d’un déploiement à grande échelle est-il connu ?',
    ],
  },
  {
    id: 'environnement',
    label: 'Environnement',
    help: 'Le projet présente un risque d’impact environnemental, par exemple parce qu’il mobilise un volume exceptionnel de données, de calcul ou d’équipements.',
    questions: [
      'Le projet nécessite-t-il beaucoup de capteurs, de stockage ou de calcul ?',
      'Les données conservées sont-elles limitées à ce qui est utile ?',
      'Le bénéfice attendu justifie-t-il l’empreinte environnementale ?',
    ],
  },
]

export const SCALE_LABELS: Readonly<Record<Score, string>> = {
  0: 'Aucun',
  1: 'Faible',
  2: 'Modéré',
  3: 'Fort',
  4: 'Critique',
}

export const AXIS_LABELS: Readonly<Record<ScoreAxis, string>> = {
  prototype: 'Difficulté pour le prototype',
  scaleUp: 'Frein au passage à l’échelle',
}

export type ScaleUpBand = 'élevée' | 'moyenne' | 'faible'

export interface ThemeScores {
  prototype: number | null
  scaleUp: number | null
}

export type RadarScores = Readonly<Record<ThemeId, ThemeScores>>

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

const DIFFICULTY_THRESHOLD = 3
const CRITICAL = 4
const CRITICAL_CAP = 25

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
  if (probability >= 67) return 'élevée'
  if (probability >= 34) return 'moyenne'
  return 'faible'
}

/** The indicators of grid.md, computed from the 20 scores; null scores are ignored. */
export function computeIndicators(radar: RadarScores): Indicators {
  const prototype = assessedScores(radar, 'prototype')
  const scaleUp = assessedScores(radar, 'scaleUp')

  // Math.round: grid.md fixes halves-up so that every copy of the app agrees.
  const difficultyIndex =
    prototype.length === 0 ? null : Math.round((100 * sum(prototype)) / (MAX_SCORE * prototype.length))

  let scaleUpProbability: number | null = null
  if (scaleUp.length > 0) {
    scaleUpProbability = Math.round(100 * (1 - sum(scaleUp) / (MAX_SCORE * scaleUp.length)))
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

export function themeById(id: ThemeId): Theme {
  const theme = THEMES.find((candidate) => candidate.id === id)
  if (!theme) throw new Error(`Unknown theme ${id}`)
  return theme
}
