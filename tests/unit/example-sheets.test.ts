// The sheets of « Charger les exemples » (src/examples/example-sheets.json): a valid v2 file, spread over the
// portfolio matrix, fictional in who carries them, and faithful to the source documents they come from: the use
// cases of a Comité Territorial de la Donnée, and the three examples of the Parcours data workshop guide (tagged
// « parcours data »).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeFile, sameSheet, serializeSheets } from '@/domain/exchange'
import { assessedCount, computeIndicators, SCORE_COUNT } from '@/domain/grid'
import { DOMAIN_SUGGESTIONS } from '@/domain/vocabulary'
import type { Sheet } from '@/domain/sheet'

const fileUrl = new URL('../../src/examples/example-sheets.json', import.meta.url)
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
  it('is one valid envelope of format v2, without a workshop block', () => {
    const raw = JSON.parse(text) as Record<string, unknown>
    expect(raw.format).toBe('fiche-projet-data')
    expect(raw.version).toBe(2)
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
      expect(['individuel', 'collectif']).toContain(sheet.origin)
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
      new Set(['Éducation', 'Mobilités', 'Santé', 'Numérique', 'Sécurité', 'Aménagement']),
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
