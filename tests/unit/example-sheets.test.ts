// The sheets of « Charger les exemples » (src/content/example-sheets.json): a valid v3 file, spread over the
// portfolio matrix, fictional in who carries them, and faithful to the source documents they come from: the use
// cases of a Comité Territorial de la Donnée, and the three examples of the Parcours data workshop guide (tagged
// « parcours data »).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeFile, sameSheet, serializeSheets } from '@/domain/exchange'
import { assessedCount, computeIndicators, SCORE_COUNT } from '@/domain/grid'
import type { Sheet } from '@/domain/sheet'
import { DOMAIN_SUGGESTIONS } from '@/content/domain-suggestions'

const fileUrl = new URL('../../src/content/example-sheets.json', import.meta.url)
const text = readFileSync(fileUrl, 'utf8')

function parsed() {
  const result = parseExchangeFile(text)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result
}

const sheets: Sheet[] = parsed().sheets
const complete = sheets.filter((sheet) => assessedCount(sheet.radar) === SCORE_COUNT)
const incomplete = sheets.filter((sheet) => assessedCount(sheet.radar) < SCORE_COUNT)

/** The examples of the Parcours data workshop guide are tagged so; every other sheet is a use case of the committee. */
const PARCOURS_DATA_TAG = 'parcours data'
const parcoursData = sheets.filter((sheet) => sheet.tags.includes(PARCOURS_DATA_TAG))
const committee = sheets.filter((sheet) => !sheet.tags.includes(PARCOURS_DATA_TAG))

// Collectivities named in the source documents (and their regions): none may own, or appear in, an example sheet.
const REAL_PLACES = [
  'Occitanie',
  'Toulouse',
  'Montpellier',
  'Aveyron',
  'Grand Est',
  'Région Sud',
  'Bourgogne',
  'Franche-Comté',
  'Nantes',
  'Lyon',
  'Cozzano',
  'Corse',
  'Saint-Sulpice',
]

// The Comité Territorial de la Donnée's document (text extracted from its slides), copied from the source documents.
const CTD_SEED = new URL('../fixtures/seeds/000-comite-territorial-donnee.txt', import.meta.url)
// The Parcours data workshop guide #3 (text extracted from its slides), whose three example slides give three sheets.
const PARCOURS_DATA_SEED = new URL('../fixtures/seeds/003-guide-animation-parcours-data.txt', import.meta.url)

/** Whitespace collapsed, typographic apostrophes made straight, case ignored: slides break lines anywhere. */
const normalise = (value: string) => value.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()

describe('example sheets', () => {
  it('is one valid envelope of format v3, without a workshop block', () => {
    const raw = JSON.parse(text) as Record<string, unknown>
    expect(raw.format).toBe('fiche-projet-data')
    expect(raw.version).toBe(3)
    expect(raw).not.toHaveProperty('workshop')
    const result = parsed()
    expect(result.workshop).toBeUndefined()
    expect(sheets.length).toBeGreaterThanOrEqual(12)
  })

  it('is written as the app writes files, so loading it twice finds the same sheets', () => {
    const raw = JSON.parse(text) as { exportedAt: string }
    expect(serializeSheets(sheets, new Date(raw.exportedAt))).toBe(text)
    const again = parsed().sheets
    sheets.forEach((sheet, index) => expect(sameSheet(sheet, again[index]!)).toBe(true))
  })

  it('has distinct, fixed, v4-shaped ids', () => {
    const ids = sheets.map((sheet) => sheet.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('belongs to the fictional « Collectivité exemple » and is tagged « exemple »', () => {
    for (const sheet of sheets) {
      expect(sheet.organisation).toBe('Collectivité exemple')
      expect(sheet.author).toMatch(/exemple/i)
      expect(sheet.tags).toContain('exemple')
      expect(sheet.snapshots).toEqual([])
      expect(['individuel', 'collectif', 'synthese-ia']).toContain(sheet.origin)
    }
  })

  it('names no real collectivity', () => {
    for (const place of REAL_PLACES) expect(text.toLowerCase()).not.toContain(place.toLowerCase())
    for (const sheet of sheets) {
      const owners = [
        sheet.organisation,
        ...sheet.project.stakeholders.map((stakeholder) => stakeholder.organisation),
      ].filter((owner) => owner !== '')
      for (const owner of owners)
        for (const place of REAL_PLACES) expect(owner.toLowerCase()).not.toContain(place.toLowerCase())
    }
  })

  it('fills in every sheet as a workshop would: domain, description, objectives, stakeholders, data', () => {
    for (const sheet of sheets) {
      expect(DOMAIN_SUGGESTIONS as readonly string[]).toContain(sheet.project.domain)
      expect(sheet.tags).toContain(sheet.project.domain.toLowerCase())
      expect(sheet.project.description).not.toBe('')
      expect(sheet.project.objectives.length).toBeGreaterThanOrEqual(1)
      expect(sheet.project.objectives.length).toBeLessThanOrEqual(3)
      expect(sheet.project.stakeholders.length).toBeGreaterThanOrEqual(1)
      expect(sheet.project.stakeholders.length).toBeLessThanOrEqual(2)
      expect(sheet.data.datasets.length).toBeGreaterThanOrEqual(1)
      expect(sheet.data.datasets.length).toBeLessThanOrEqual(2)
    }
    expect(new Set(sheets.map((sheet) => sheet.project.domain))).toEqual(
      new Set(['Éducation', 'Mobilités', 'Santé globale', 'Numérique', 'Sécurité', 'Aménagement']),
    )
  })

  it('uses at least 4 different decision statuses', () => {
    expect(new Set(sheets.map((sheet) => sheet.decision.status)).size).toBeGreaterThanOrEqual(4)
  })

  it('has exactly 2 sheets with an incomplete radar, listed apart from the matrix', () => {
    expect(incomplete).toHaveLength(2)
    for (const sheet of incomplete) {
      const axes = Object.values(sheet.radar).flatMap((theme) => [theme.prototype, theme.scaleUp])
      expect(axes).toContain(null)
      expect(axes.some((score) => score !== null)).toBe(true)
    }
  })

  it('spreads the complete sheets over the four quadrants of the portfolio matrix', () => {
    const quadrants = new Map<string, string[]>()
    for (const sheet of complete) {
      const { difficultyIndex, scaleUpProbability } = computeIndicators(sheet.radar)
      expect(difficultyIndex).not.toBeNull()
      expect(scaleUpProbability).not.toBeNull()
      const key = `${difficultyIndex! < 50 ? 'facile' : 'difficile'}/${scaleUpProbability! >= 50 ? 'probable' : 'improbable'}`
      quadrants.set(key, [...(quadrants.get(key) ?? []), sheet.project.title])
    }
    for (const key of ['facile/probable', 'difficile/probable', 'facile/improbable', 'difficile/improbable'])
      expect(quadrants.get(key)?.length ?? 0, key).toBeGreaterThanOrEqual(1)
  })

  it('comments a few themes, not none', () => {
    const comments = sheets.flatMap((sheet) => Object.values(sheet.radar).map((theme) => theme.comment))
    expect(comments.filter((comment) => comment !== '').length).toBeGreaterThanOrEqual(sheets.length)
  })

  it('takes the title and problem of the committee’s sheets from its use cases', () => {
    expect(committee.length).toBeGreaterThanOrEqual(12)
    const source = normalise(readFileSync(CTD_SEED, 'utf8'))
    for (const sheet of committee) {
      expect(source, sheet.project.title).toContain(normalise(sheet.project.title))
      if (sheet.project.problem !== '')
        expect(source, sheet.project.problem).toContain(normalise(sheet.project.problem).replace(/\.$/, ''))
    }
  })

  it('adds one sheet for each of the three example slides of the Parcours data workshop guide', () => {
    const source = normalise(readFileSync(PARCOURS_DATA_SEED, 'utf8'))
    const slides = [
      { heading: 'Focus : l’open source', topic: /open source/i },
      { heading: 'La cybersécurité', topic: /cyber/i },
      { heading: 'Le smart village', topic: /smart village|village intelligent/i },
    ]
    expect(parcoursData).toHaveLength(slides.length)
    for (const { heading, topic } of slides) {
      expect(source, heading).toContain(normalise(heading))
      const matching = parcoursData.filter((sheet) =>
        topic.test(`${sheet.project.title} ${sheet.project.problem}`),
      )
      expect(matching, heading).toHaveLength(1)
      expect(matching[0]!.project.problem, heading).not.toBe('')
    }
    // Appended after the committee's sheets, so that loading the examples keeps their order.
    expect(sheets.slice(-slides.length)).toEqual(parcoursData)
  })
})

// The committee's sheets say what its document says, and no more: the commission as domain, the decision it records
// (the vote's priorities, the reserve, the cases its commissions deprioritised before the vote) and how each card was
// made (« Synthèse par IA » stamped on the card, or not). Every expected value is read from the seed's text here.
describe('the committee’s sheets, checked against its document', () => {
  const raw = readFileSync(CTD_SEED, 'utf8')
  const source = normalise(raw)

  const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
  const isoDate = (day: string, month: string, year: string) =>
    `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`
  const withoutAccents = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '')
  const after = (index: number, length: number) => source.slice(index + length)
  const occurrences = (needle: string) => {
    const found: number[] = []
    for (let index = source.indexOf(needle); index !== -1; index = source.indexOf(needle, index + 1)) found.push(index)
    return found
  }

  // The commissions' names as the committee's organisation chart writes them (« Commissions thématiques »).
  const chart = raw.slice(raw.indexOf('Commissions thématiques'), raw.indexOf('Fixe la feuille de route'))
  const commissionNames = chart
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== 'Commissions thématiques' && !/^(•|CAS D|\d+$)/.test(line))

  // Each commission's part of the document: from « Commission X — n cas d'usages produits » to the next one, the
  // last ending where the vote begins.
  const voteStart = source.indexOf('modalités et résultats du vote')
  const headings = [...source.matchAll(/commission ([\p{L} ]+?) \d+ cas d'usages produits/gu)]
  const commissions = headings.map((heading, index) => ({
    heading: heading[1]!,
    name: commissionNames.find((name) => withoutAccents(normalise(name)) === withoutAccents(heading[1]!)),
    text: source.slice(heading.index, headings[index + 1]?.index ?? voteStart),
    start: heading.index,
  }))

  // The vote: its date (the slide's), the reserve rule, and the results slide.
  const voteDate = (() => {
    const match = /(\d{1,2}) (\p{L}+) (\d{4})/u.exec(after(voteStart, 0))!
    return isoDate(match[1]!, match[2]!, match[3]!)
  })()
  const reserveRule = 'les cas non priorisés dans cette instance sont conservés en réserve'
  const results = source.slice(source.indexOf(reserveRule), source.indexOf('déclenchement des groupes de travail'))

  const DEPRIORITISED = /^ (?:\p{L}+ )?cas d'usage dépriorisé (pour raison de .*?d'impact indirect)/u
  const STAMP = /^ (synthèse par ia )?fiche réalisée en séance collective/u

  function expectedFromSource(title: string) {
    const needle = normalise(title)
    const commission = commissions.find((candidate) => candidate.text.includes(needle))
    const found = occurrences(needle)
    const stamps = found.map((index) => STAMP.exec(after(index, needle.length))).filter((stamp) => stamp !== null)
    const deprioritised = found
      .filter((index) => commission && index >= commission.start && index < commission.start + commission.text.length)
      .map((index) => DEPRIORITISED.exec(after(index, needle.length)))
      .find((match) => match !== null)
    const status = results.includes(needle) ? 'priorise' : deprioritised ? 'depriorise' : 'reserve'
    return {
      domain: commission?.name,
      cards: stamps.length,
      // A case with no card of its own (the deprioritised ones) was only named in the collective sessions.
      origin: stamps.some((stamp) => stamp[1] !== undefined) ? 'synthese-ia' : 'collectif',
      status,
      // The vote dates the priorities and the reserve; the commissions' deprioritisation carries no date.
      decidedAt: status === 'depriorise' ? null : voteDate,
      // The vote decided the priorities and the reserve; a commission, before it, deprioritised the others.
      source: status === 'depriorise' ? 'personne' : 'vote',
      deprioritisedFor: deprioritised?.[1],
    }
  }

  it('reads the document as it is laid out: 3 commissions, 14 cases, the vote of 19 February 2026', () => {
    expect(commissionNames).toEqual(['Mobilités', 'Santé globale', 'Éducation'])
    expect(commissions.map((commission) => commission.name)).toEqual(['Éducation', 'Mobilités', 'Santé globale'])
    expect(voteDate).toBe('2026-02-19')
    expect(source).toContain("comité plénier du 19/02/26")
    expect(results).not.toBe('')
  })

  it('has one sheet per use case of the document, with the counts the document gives', () => {
    const total = Number(/regroupées en (\d+) fiches cas d'usages/.exec(source)![1])
    const toPrioritise = Number(/triés en (\d+) cas à prioriser/.exec(source)![1])
    const kept = Number(/retenir (\d+) cas/.exec(source)![1])
    expect(committee).toHaveLength(total)
    const expected = committee.map((sheet) => expectedFromSource(sheet.project.title))
    expect(expected.filter((sheet) => sheet.status === 'depriorise')).toHaveLength(total - toPrioritise)
    expect(expected.filter((sheet) => sheet.status === 'priorise')).toHaveLength(kept)
    // Every « Synthèse par IA » stamp of the document belongs to one of the sheets.
    expect(expected.filter((sheet) => sheet.origin === 'synthese-ia')).toHaveLength(
      occurrences('synthèse par ia fiche réalisée en séance collective').length,
    )
    for (const sheet of expected) expect(sheet.cards).toBeLessThanOrEqual(1)
  })

  for (const sheet of committee) {
    const title = sheet.project.title
    it(`« ${title.slice(0, 60)}… »: domain, decision and origin as the document says`, () => {
      const expected = expectedFromSource(title)
      expect(expected.domain, 'the commission that presents the case').toBeDefined()
      expect(sheet.project.domain, 'domain = the commission').toBe(expected.domain)
      expect(sheet.tags).toContain(expected.domain!.toLowerCase())
      expect(sheet.origin, 'origin = the card’s stamp').toBe(expected.origin)
      expect(sheet.decision.status, 'decision').toBe(expected.status)
      expect(sheet.decision.decidedAt, 'decision date').toBe(expected.decidedAt)
      expect(sheet.decision.source, 'decision source').toBe(expected.source)
      expect(sheet.decision.history, 'no decision before the document’s').toEqual([])
      // The short name is the one the commission's list gives the case (« Téléphonie mobile »).
      const commission = commissions.find((candidate) => candidate.name === expected.domain)!
      expect(sheet.project.shortLabel).not.toBe('')
      expect(withoutAccents(commission.text)).toContain(withoutAccents(normalise(sheet.project.shortLabel)).replace(/,/g, ''))
      const reason = normalise(sheet.decision.reason)
      if (expected.status === 'priorise') expect(reason).toMatch(/prioritaire/)
      if (expected.status === 'reserve') expect(reason).toContain('réserve')
      if (expected.status === 'depriorise') {
        expect(reason).toContain('dépriorisé')
        expect(reason).toContain(expected.deprioritisedFor)
        expect(reason).toContain('avant le vote')
      }
    })
  }
})
