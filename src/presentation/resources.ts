// The references French agents use for the legal part of a sheet, as plain links. The app never fetches them: a
// link opens only when the person clicks it. Only official publishers' addresses are listed; the test of this module
// checks each one is https and on ALLOWED_HOSTS, so a typo or a third-party mirror cannot slip in.
import type { LegalTopic } from '@/domain/vocabulary'

/** The publishers' hosts the « Ressources » panel may link to. */
export const ALLOWED_HOSTS = [
  'www.cnil.fr',
  'www.legifrance.gouv.fr',
  'messervices.cyber.gouv.fr',
  'ecoresponsable.numerique.gouv.fr',
  'schema.data.gouv.fr',
  'scdl.opendatafrance.net',
] as const

type ResourceId =
  | 'cnil-collectivites'
  | 'cnil-cada-open-data'
  | 'cnil-dpo'
  | 'republique-numerique'
  | 'anssi-hygiene'
  | 'rgesn'
  | 'schema-data-gouv'
  | 'scdl'

type PublisherId = 'cnil' | 'cnil-cada' | 'legifrance' | 'anssi' | 'minumeco' | 'data-gouv' | 'opendatafrance'

export interface Resource {
  id: ResourceId
  publisher: PublisherId
  url: string
  /** The legal topics of the sheet it helps with, shown next to the link. */
  topics: readonly LegalTopic[]
}

export const RESOURCES: readonly Resource[] = [
  {
    id: 'cnil-collectivites',
    publisher: 'cnil',
    url: 'https://www.cnil.fr/fr/collectivites-territoriales-la-cnil-publie-un-guide-de-sensibilisation-au-rgpd',
    topics: ['rgpd', 'traitements'],
  },
  {
    id: 'cnil-dpo',
    publisher: 'cnil',
    url: 'https://www.cnil.fr/fr/la-cnil-publie-un-guide-du-delegue-la-protection-des-donnees',
    topics: ['rgpd'],
  },
  {
    id: 'cnil-cada-open-data',
    publisher: 'cnil-cada',
    url: 'https://www.cnil.fr/fr/open-data-la-cnil-et-la-cada-publient-un-guide-pratique-de-la-publication-en-ligne-et-de-la',
    topics: ['open-data', 'rgpd'],
  },
  {
    id: 'republique-numerique',
    publisher: 'legifrance',
    url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000033202746',
    topics: ['open-data', 'ethique'],
  },
  {
    id: 'anssi-hygiene',
    publisher: 'anssi',
    // The guide's current address: the former cyber.gouv.fr/publications/… one now redirects here.
    url: 'https://messervices.cyber.gouv.fr/guides/guide-dhygiene-informatique',
    topics: ['hebergement', 'contrats'],
  },
  {
    id: 'rgesn',
    publisher: 'minumeco',
    url: 'https://ecoresponsable.numerique.gouv.fr/publications/referentiel-general-ecoconception/',
    topics: ['contrats'],
  },
  { id: 'schema-data-gouv',
    publisher: 'data-gouv', url: 'https://schema.data.gouv.fr/', topics: ['open-data'] },
  { id: 'scdl',
    publisher: 'opendatafrance', url: 'https://scdl.opendatafrance.net/', topics: ['open-data'] },
]
