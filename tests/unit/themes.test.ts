import { describe, expect, it } from 'vitest'
import { THEME_IDS, type ThemeId } from '@/domain/grid'
import { THEMES } from '@/content/themes'

// The ten definitions as the workshop guide prints them (« Parcours data », section « La fiche Projet Data »),
// copied from the text extraction with its faults: « ti » lost as « < », straight apostrophes, a missing « s », the
// last sentence without its full stop. The app must show exactly these sentences once the faults are corrected.
const GUIDE: Record<ThemeId, string> = {
  datamining:
    "l’expérimenta<on permet d’iden<fier des jeux de données originaux qui ne sont pas collectés ou traités par la collec<vité, ou pour lesquels de nouveaux usages sont proposés. L'iden<fica<on des données est-elle un enjeu important ?",
  gouvernance:
    'l’expérimenta<on pose des ques<ons de gouvernance externe, de partenariats nouveaux et de doctrine de ges<on de la donnée. Et/ou elle pose une ques<on d’acceptabilité sociale.',
  management:
    'l’expérimenta<on implique une organisa<on spécifique pour accéder et traiter aux données en interne ; elle préfigure l’émergence d’une fonc<on data.',
  infrastructure:
    'l’expérimenta<on suppose la mise en œuvre d’une infrastructure technique pour l’hébergement, le stockage ou le partage des données.',
  cybersecurite: "l'expérimenta<on crée une difficulté ou est sucep<ble de créer une vulnérabilité cyber.",
  algorithmie: 'l’expérimenta<on nécessite l’u<lisa<on d’algorithmes plus ou moins complexes.',
  duplicabilite:
    'l’expérimenta<on peut être pérennisée dans la collec<vité et/ou déployée au sein d’autres collec<vités.',
  rgpd: 'l’expérimenta<on implique la manipula<on de données à caractère personnel et doit faire l’objet d’une analyse RGPD approfondie (pouvant aller jusqu’à la demande d’une déroga<on auprès de la CNIL).',
  budget:
    'l’expérimenta<on est plus ou moins onéreuse (presta<on de datascience ou infrastructure technique) et/ou nécessite l’achat de données.',
  environnement:
    "l'expérimenta<on présente un risque d'impact environnemental (par exemple en raison de la mobilisa<on d'un volume excep<onnel de données)",
}

/** Only corrections of form: no word is added or removed except to repair the one broken construction. */
function corrected(guideText: string): string {
  const text = guideText
    .replaceAll('<', 'ti')
    .replaceAll("'", '’')
    .replace('sucep', 'suscep')
    .replace('pour accéder et traiter aux données en interne', 'pour accéder aux données et les traiter en interne')
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.?!]$/.test(capitalised) ? capitalised : `${capitalised}.`
}

describe('themes', () => {
  it('has the 10 themes of the grid in radar order, with the grid’s labels', () => {
    expect(THEMES.map((theme) => theme.id)).toEqual([...THEME_IDS])
    expect(THEMES.map((theme) => theme.label)).toEqual([
      'Datamining',
      'Gouvernance / acceptabilité',
      'Management data',
      'Infrastructure SI',
      'Cybersécurité',
      'Algorithmie',
      'Duplicabilité',
      'RGPD',
      'Budget / achat de données',
      'Environnement',
    ])
  })

  it.each(THEME_IDS)('defines %s with the workshop guide’s sentence, corrected and nothing added', (id) => {
    const theme = THEMES.find((candidate) => candidate.id === id)!
    expect(theme.definition).toBe(corrected(GUIDE[id]))
  })

  it('keeps the words the guide chose, where an earlier version paraphrased them', () => {
    const definitionOf = (id: ThemeId) => THEMES.find((theme) => theme.id === id)!.definition
    expect(definitionOf('rgpd')).toContain('la demande d’une dérogation auprès de la CNIL')
    expect(definitionOf('datamining')).toContain('jeux de données originaux')
  })

  it('gives each theme 2–3 guiding questions and, on each axis, what 0 and 4 mean in its own terms', () => {
    const meanings = new Set<string>()
    for (const theme of THEMES) {
      expect(theme.questions.length).toBeGreaterThanOrEqual(2)
      expect(theme.questions.length).toBeLessThanOrEqual(3)
      for (const axis of ['prototype', 'scaleUp'] as const) {
        const { none, critical } = theme.ends[axis]
        expect(none.length).toBeGreaterThan(20)
        expect(critical.length).toBeGreaterThan(20)
        meanings.add(none).add(critical)
      }
    }
    // Forty different sentences: no theme borrows another's, no axis repeats the other.
    expect(meanings.size).toBe(40)
  })

  it('makes Duplicabilité’s 4 an obstacle, not the answer « yes, easily »', () => {
    const duplicability = THEMES.find((theme) => theme.id === 'duplicabilite')!
    expect(duplicability.ends.scaleUp.critical).toMatch(/obstacle critique.*pérenniser.*déployer/)
    expect(duplicability.ends.scaleUp.none).toMatch(/^rien n’empêche/)
  })
})
