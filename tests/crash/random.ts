// The crash test's only source of chance: a small seeded generator (mulberry32), so that a trial's text, scores,
// files and kill moments come back identical when it is replayed with the same seed.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  /** A float in [min, max). */
  between(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** A version-4 UUID made of seeded bits (unique enough for one trial's sheets). */
  uuid(): string
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const hex = (digits: number) => Array.from({ length: digits }, () => int(0, 15).toString(16)).join('')
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  }
}

// Words of a project description, accents included (typed through the keyboard's text insertion, as an IME would).
const WORDS = [
  'les', 'données', 'de', 'la', 'collectivité', 'pour', 'suivre', 'consommation', 'énergétique', 'des',
  'bâtiments', 'publics', 'et', 'réduire', 'coûts', 'mutualiser', 'réservations', 'transport', 'à', 'demande',
  'en', 'zone', 'rurale', 'croiser', 'annonces', 'déclarations', 'loyers', 'observatoire', 'territorial',
  'capteurs', 'qualité', 'air', 'écoles', 'partager', 'avec', 'agglomération', 'ouvrir', 'jeu', 'convention',
  'prototype', 'usagers', 'service', 'mobilité', 'élus', 'tableau', 'bord', 'mensuel', 'carte', 'quartiers',
  'santé', 'déchets', 'collecte', 'tournées', 'optimiser', 'eau', 'fuites', 'réseau', 'éclairage', 'nuit',
]

/** A description of about `length` characters: words, with now and then a comma or a full stop. */
export function descriptionText(random: Random, length: number): string {
  let text = ''
  while (text.length < length) {
    const word = random.pick(WORDS)
    const punctuation = random.next() < 0.08 ? ',' : random.next() < 0.05 ? '.' : ''
    text += (text ? ' ' : random.pick(['Projet', 'Objectif', 'Idée']) + ' ') + word + punctuation
  }
  return text
}
