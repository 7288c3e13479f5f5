// What each theme of the grid is about, for the people scoring it: its help text and guiding questions. Kept
// apart from the grid (which holds the labels) so screens that only show figures (the library) don't carry
// these texts.
import { THEME_LABELS, type ThemeId } from './grid'

export interface Theme {
  id: ThemeId
  /** The label fixed by the grid (docs/method.md), shown on the radar axes. */
  label: string
  /** What the theme assesses, in the words of the workshop guide (docs/method.md). */
  help: string
  /** Questions that help a workshop participant choose a score. */
  questions: readonly string[]
}

export const THEMES: readonly Theme[] = [
  {
    id: 'datamining',
    label: THEME_LABELS.datamining,
    help: 'Le projet conduit à repérer des jeux de données que la collectivité ne collecte ni ne traite encore, ou à donner un nouvel usage à des données existantes. Trouver et qualifier ces données est-il un enjeu majeur ?',
    questions: [
      'Sait-on déjà où se trouvent les données nécessaires et qui les détient ?',
      'Faut-il produire ou collecter des données qui n’existent pas encore ?',
      'Les données connues sont-elles assez fiables et à jour pour l’usage visé ?',
    ],
  },
  {
    id: 'gouvernance',
    label: THEME_LABELS.gouvernance,
    help: 'Le projet soulève des questions de gouvernance avec l’extérieur : nouveaux partenariats, règles communes de gestion de la donnée. Il peut aussi interroger l’acceptabilité sociale du projet auprès des habitants.',
    questions: [
      'Faut-il nouer de nouveaux partenariats ou conventions avec d’autres acteurs ?',
      'Existe-t-il une doctrine partagée sur l’usage et le partage de ces données ?',
      'Les habitants ou les usagers pourraient-ils mal accueillir le projet ?',
    ],
  },
  {
    id: 'management',
    label: THEME_LABELS.management,
    help: 'Le projet demande une organisation interne particulière pour accéder aux données et les traiter ; il annonce l’apparition d’une fonction data dans la collectivité.',
    questions: [
      'Les services concernés savent-ils qui fait quoi avec les données ?',
      'Faut-il des compétences ou un rôle nouveaux (administrateur de données, data analyst) ?',
      'La direction générale et les élus soutiennent-ils cette organisation ?',
    ],
  },
  {
    id: 'infrastructure',
    label: THEME_LABELS.infrastructure,
    help: 'Le projet nécessite de mettre en place une infrastructure technique pour héberger, stocker ou partager les données.',
    questions: [
      'Le système d’information actuel peut-il accueillir ces données ?',
      'Faut-il un hébergement nouveau (cloud, centre de données tiers, SaaS) ?',
      'Les données devront-elles être échangées avec d’autres systèmes ?',
    ],
  },
  {
    id: 'cybersecurite',
    label: THEME_LABELS.cybersecurite,
    help: 'Le projet pose une difficulté de cybersécurité ou risque d’ouvrir une nouvelle vulnérabilité (capteurs, accès externes, données sensibles).',
    questions: [
      'Le projet ajoute-t-il des objets connectés ou des accès depuis l’extérieur ?',
      'Quelles seraient les conséquences d’une fuite ou d’une indisponibilité des données ?',
      'Le RSSI ou un prestataire de sécurité a-t-il été associé ?',
    ],
  },
  {
    id: 'algorithmie',
    label: THEME_LABELS.algorithmie,
    help: 'Le projet fait appel à des algorithmes plus ou moins complexes (calculs statistiques, modèles prédictifs, intelligence artificielle).',
    questions: [
      'Les traitements sont-ils de simples calculs ou des modèles complexes ?',
      'Dispose-t-on des compétences pour concevoir, vérifier et expliquer ces algorithmes ?',
      'Les décisions qui en découlent devront-elles être justifiées auprès du public ?',
    ],
  },
  {
    id: 'duplicabilite',
    label: THEME_LABELS.duplicabilite,
    help: 'Le projet peut-il être pérennisé dans la collectivité et/ou reproduit dans d’autres collectivités ?',
    questions: [
      'Le projet dépend-il de conditions propres à ce territoire ou à ce prestataire ?',
      'Les outils et les données sont-ils ouverts ou réutilisables ailleurs ?',
      'Qui fera vivre le projet une fois l’expérimentation terminée ?',
    ],
  },
  {
    id: 'rgpd',
    label: THEME_LABELS.rgpd,
    help: 'Le projet manipule des données à caractère personnel et demande une analyse RGPD approfondie, qui peut aller jusqu’à solliciter la CNIL.',
    questions: [
      'Des personnes peuvent-elles être identifiées, directement ou par recoupement ?',
      'Des données sensibles (santé, situation sociale…) sont-elles en jeu ?',
      'Le délégué à la protection des données a-t-il été consulté ? Une analyse d’impact est-elle nécessaire ?',
    ],
  },
  {
    id: 'budget',
    label: THEME_LABELS.budget,
    help: 'Le projet a un coût plus ou moins élevé (prestation de datascience, infrastructure technique) et/ou suppose d’acheter des données.',
    questions: [
      'Le financement de l’expérimentation est-il assuré ?',
      'Faut-il acheter des données ou des licences, et à quel prix dans la durée ?',
      'Le coût d’un déploiement à grande échelle est-il connu ?',
    ],
  },
  {
    id: 'environnement',
    label: THEME_LABELS.environnement,
    help: 'Le projet présente un risque d’impact environnemental, par exemple parce qu’il mobilise un volume exceptionnel de données, de calcul ou d’équipements.',
    questions: [
      'Le projet nécessite-t-il beaucoup de capteurs, de stockage ou de calcul ?',
      'Les données conservées sont-elles limitées à ce qui est utile ?',
      'Le bénéfice attendu justifie-t-il l’empreinte environnementale ?',
    ],
  },
]
