// The grid's words, for the people scoring: the workshop guide's definition of each theme, helping questions and
// the meaning of the scale's ends, with the theme's label (theme-labels.ts). The domain keeps the ids and the
// figures (domain/grid.ts); these texts live here, so that a change of wording touches no rule, and apart from the
// labels, so that screens that only show figures (the library) don't carry them.
//
// `definition` is the workshop guide's own sentence (the « Parcours data » deck, section « La fiche Projet Data »),
// its typos corrected and nothing added inside it: a sheet scored in one collectivity must mean the same thing in
// another. Everything else here is ours and is shown as an aid, never as the definition.
import type { ScoreAxis, ThemeId } from '@/domain/grid'
import { THEME_LABELS } from './theme-labels'

/** What the two ends of the scale mean for one theme on one axis. */
export interface ScaleEnds {
  /** What a 0 (Aucun) says about the project. */
  none: string
  /** What a 4 (Critique) says about the project. */
  critical: string
}

export interface Theme {
  id: ThemeId
  /** The label fixed by the grid (docs/method.md), shown on the radar axes. */
  label: string
  /** The workshop guide's definition of the theme, verbatim apart from spelling. */
  definition: string
  /** Questions that help a workshop participant choose a score (an aid, not part of the method). */
  questions: readonly string[]
  /** The meaning of 0 and 4 on each axis, in the theme's own terms: every score measures an obstacle. */
  ends: Readonly<Record<ScoreAxis, ScaleEnds>>
}

export const THEMES: readonly Theme[] = [
  {
    id: 'datamining',
    label: THEME_LABELS.datamining,
    definition:
      'L’expérimentation permet d’identifier des jeux de données originaux qui ne sont pas collectés ou traités par la collectivité, ou pour lesquels de nouveaux usages sont proposés. L’identification des données est-elle un enjeu important ?',
    questions: [
      'Sait-on déjà où se trouvent les données nécessaires et qui les détient ?',
      'Faut-il produire ou collecter des données qui n’existent pas encore ?',
      'Les données connues sont-elles assez fiables et à jour pour l’usage visé ?',
    ],
    ends: {
      prototype: {
        none: 'les données nécessaires sont connues, accessibles et prêtes à l’emploi',
        critical: 'les données clés restent introuvables ou à produire : sans elles, pas de prototype',
      },
      scaleUp: {
        none: 'les mêmes données existent et s’obtiennent partout où le projet serait étendu',
        critical: 'ailleurs ou dans la durée, les données ne pourront être ni identifiées ni obtenues',
      },
    },
  },
  {
    id: 'gouvernance',
    label: THEME_LABELS.gouvernance,
    definition:
      'L’expérimentation pose des questions de gouvernance externe, de partenariats nouveaux et de doctrine de gestion de la donnée. Et/ou elle pose une question d’acceptabilité sociale.',
    questions: [
      'Faut-il nouer de nouveaux partenariats ou conventions avec d’autres acteurs ?',
      'Existe-t-il une doctrine partagée sur l’usage et le partage de ces données ?',
      'Les habitants ou les usagers pourraient-ils mal accueillir le projet ?',
    ],
    ends: {
      prototype: {
        none: 'aucun partenariat ni règle commune à établir, et le projet ne soulève pas d’objection',
        critical: 'sans accord des partenaires, ou face au refus des habitants, le prototype ne peut pas se faire',
      },
      scaleUp: {
        none: 'partenariats, règles communes et adhésion sont acquis pour la généralisation',
        critical: 'les partenariats ou l’adhésion qu’exige la généralisation paraissent hors d’atteinte',
      },
    },
  },
  {
    id: 'management',
    label: THEME_LABELS.management,
    // The guide reads « pour accéder et traiter aux données »: the verbs are given their own objects.
    definition:
      'L’expérimentation implique une organisation spécifique pour accéder aux données et les traiter en interne ; elle préfigure l’émergence d’une fonction data.',
    questions: [
      'Les services concernés savent-ils qui fait quoi avec les données ?',
      'Faut-il des compétences ou un rôle nouveaux (administrateur de données, data analyst) ?',
      'La direction générale et les élus soutiennent-ils cette organisation ?',
    ],
    ends: {
      prototype: {
        none: 'l’organisation actuelle suffit pour accéder aux données et les traiter',
        critical: 'personne en interne ne peut accéder aux données ni les traiter',
      },
      scaleUp: {
        none: 'l’organisation en place peut faire vivre le projet au quotidien',
        critical: 'généraliser exigerait une fonction data que la collectivité ne peut pas créer',
      },
    },
  },
  {
    id: 'infrastructure',
    label: THEME_LABELS.infrastructure,
    definition:
      'L’expérimentation suppose la mise en œuvre d’une infrastructure technique pour l’hébergement, le stockage ou le partage des données.',
    questions: [
      'Le système d’information actuel peut-il accueillir ces données ?',
      'Faut-il un hébergement nouveau (cloud, centre de données tiers, SaaS) ?',
      'Les données devront-elles être échangées avec d’autres systèmes ?',
    ],
    ends: {
      prototype: {
        none: 'le système d’information actuel accueille les données sans changement',
        critical: 'toute une infrastructure est à construire avant le moindre prototype',
      },
      scaleUp: {
        none: 'l’infrastructure supporte la montée en charge et le partage',
        critical: 'l’infrastructure ne pourra pas suivre le déploiement (volumes, partage, hébergement)',
      },
    },
  },
  {
    id: 'cybersecurite',
    label: THEME_LABELS.cybersecurite,
    definition: 'L’expérimentation crée une difficulté ou est susceptible de créer une vulnérabilité cyber.',
    questions: [
      'Le projet ajoute-t-il des objets connectés ou des accès depuis l’extérieur ?',
      'Quelles seraient les conséquences d’une fuite ou d’une indisponibilité des données ?',
      'Le RSSI ou un prestataire de sécurité a-t-il été associé ?',
    ],
    ends: {
      prototype: {
        none: 'le prototype n’ouvre aucune vulnérabilité nouvelle',
        critical: 'le prototype ouvrirait une faille grave que l’on ne sait pas maîtriser',
      },
      scaleUp: {
        none: 'le déploiement n’expose pas davantage la collectivité',
        critical: 'étendre le projet multiplierait des risques cyber inacceptables',
      },
    },
  },
  {
    id: 'algorithmie',
    label: THEME_LABELS.algorithmie,
    definition: 'L’expérimentation nécessite l’utilisation d’algorithmes plus ou moins complexes.',
    questions: [
      'Les traitements sont-ils de simples calculs ou des modèles complexes ?',
      'Dispose-t-on des compétences pour concevoir, vérifier et expliquer ces algorithmes ?',
      'Les décisions qui en découlent devront-elles être justifiées auprès du public ?',
    ],
    ends: {
      prototype: {
        none: 'de simples comptages ou calculs suffisent',
        critical: 'il faut des modèles complexes que personne ne sait concevoir ni vérifier',
      },
      scaleUp: {
        none: 'les traitements se reproduisent et s’expliquent sans difficulté',
        critical: 'les algorithmes ne pourront être ni maintenus, ni expliqués, ni transposés ailleurs',
      },
    },
  },
  {
    id: 'duplicabilite',
    label: THEME_LABELS.duplicabilite,
    definition:
      'L’expérimentation peut être pérennisée dans la collectivité et/ou déployée au sein d’autres collectivités.',
    questions: [
      'Le projet dépend-il de conditions propres à ce territoire ou à ce prestataire ?',
      'Les outils et les données sont-ils ouverts ou réutilisables ailleurs ?',
      'Qui fera vivre le projet une fois l’expérimentation terminée ?',
    ],
    // The definition reads as a yes/no question; the score measures the obstacle, so "easily" is a 0, not a 4.
    ends: {
      prototype: {
        none: 'le prototype se construit avec des outils et des données réutilisables',
        critical: 'le prototype ne tient qu’à des moyens propres à ce cas (outil fermé, données ou prestataire uniques)',
      },
      scaleUp: {
        none: 'rien n’empêche de pérenniser le projet ni de le déployer ailleurs',
        critical:
          'un obstacle critique empêche de pérenniser le projet ou de le déployer dans d’autres collectivités',
      },
    },
  },
  {
    id: 'rgpd',
    label: THEME_LABELS.rgpd,
    definition:
      'L’expérimentation implique la manipulation de données à caractère personnel et doit faire l’objet d’une analyse RGPD approfondie (pouvant aller jusqu’à la demande d’une dérogation auprès de la CNIL).',
    questions: [
      'Des personnes peuvent-elles être identifiées, directement ou par recoupement ?',
      'Des données sensibles (santé, situation sociale…) sont-elles en jeu ?',
      'Le délégué à la protection des données a-t-il été consulté ? Une analyse d’impact est-elle nécessaire ?',
    ],
    ends: {
      prototype: {
        none: 'le prototype ne traite aucune donnée à caractère personnel',
        critical: 'le prototype exige une analyse approfondie, voire une dérogation auprès de la CNIL, avant de commencer',
      },
      scaleUp: {
        none: 'aucune donnée personnelle, ou un cadre déjà conforme à l’échelle visée',
        critical: 'à grande échelle, le traitement ne pourrait pas être rendu conforme au RGPD',
      },
    },
  },
  {
    id: 'budget',
    label: THEME_LABELS.budget,
    definition:
      'L’expérimentation est plus ou moins onéreuse (prestation de datascience ou infrastructure technique) et/ou nécessite l’achat de données.',
    questions: [
      'Le financement de l’expérimentation est-il assuré ?',
      'Faut-il acheter des données ou des licences, et à quel prix dans la durée ?',
      'Le coût d’un déploiement à grande échelle est-il connu ?',
    ],
    ends: {
      prototype: {
        none: 'le prototype ne coûte presque rien et n’exige aucun achat de données',
        critical: 'le coût du prototype ou des données dépasse ce que la collectivité peut financer',
      },
      scaleUp: {
        none: 'le coût du déploiement est connu et financé',
        critical: 'le coût de la généralisation, ou des données dans la durée, est hors de portée',
      },
    },
  },
  {
    id: 'environnement',
    label: THEME_LABELS.environnement,
    definition:
      'L’expérimentation présente un risque d’impact environnemental (par exemple en raison de la mobilisation d’un volume exceptionnel de données).',
    questions: [
      'Le projet nécessite-t-il beaucoup de capteurs, de stockage ou de calcul ?',
      'Les données conservées sont-elles limitées à ce qui est utile ?',
      'Le bénéfice attendu justifie-t-il l’empreinte environnementale ?',
    ],
    ends: {
      prototype: {
        none: 'le prototype mobilise peu de données, de calcul et d’équipements',
        critical: 'le prototype mobilise un volume exceptionnel de données, de calcul ou d’équipements',
      },
      scaleUp: {
        none: 'l’empreinte reste modeste une fois le projet généralisé',
        critical: 'généralisé, le projet aurait un impact environnemental disproportionné',
      },
    },
  },
]
