import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import SheetPrint from '@/components/print/SheetPrint.vue'
import { createSheet, validateSheet, type Sheet } from '@/domain/sheet'
import { mountWithI18n } from '../support/mount-helpers'

/** The text as a reader meets it: one space between elements (Vue drops the whitespace between tags). */
function readingText(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) return node.textContent ?? ''
  return [...node.childNodes].map(readingText).join(' ')
}
// \s also matches the no-break spaces of French number formats.
const read = (wrapper: { element: Node }) => readingText(wrapper.element).replace(/\s+/g, ' ').trim()

// From the project root: in the happy-dom environment import.meta.url is not a file URL.
function example(name: string): Sheet {
  const envelope = JSON.parse(readFileSync(`tests/fixtures/examples/${name}`, 'utf8'))
  const result = validateSheet(envelope.sheets[0])
  if (!result.ok) throw new Error(`Invalid example ${name}`)
  return result.sheet
}

function mountPrint(sheet: Sheet) {
  return mountWithI18n(SheetPrint, {
    props: { sheet, printedAt: new Date('2026-03-05T10:00:00+01:00') },
    global: { stubs: { RadarChart: true, PrintRadarChart: true } },
  })
}

const minimal = () => createSheet({ title: 'Mobilité rurale', now: new Date('2026-03-02T09:00:00Z') })

describe('SheetPrint', () => {
  it('prints a sheet with only a title as its header alone', () => {
    const wrapper = mountPrint(minimal())
    expect(wrapper.get('h1').text()).toBe('Mobilité rurale')
    const text = read(wrapper)
    expect(text).toContain('Imprimée le 5 mars 2026')
    expect(text).toContain('Phase du projet Idée')
    expect(text).toContain('Modifiée le 2 mars 2026')
    expect(text).not.toContain('Collectivité porteuse')
    expect(text).not.toContain('Étiquettes')
    expect(wrapper.findAll('h2')).toHaveLength(0)
    expect(wrapper.find('table').exists()).toBe(false)
  })

  it('collapses empty fields, blank draft rows, unassessed legal topics and an unscored radar', () => {
    const sheet = minimal()
    sheet.project.calendar.milestones.push({ label: '  ', date: null })
    sheet.project.objectives.push('Réduire les trajets à vide')
    sheet.data.legal.contrats.notes = 'Clause de réversibilité à négocier'
    const wrapper = mountPrint(sheet)
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(['Le projet', 'Enjeux juridiques et éthiques'])
    expect(wrapper.findAll('h3').map((heading) => heading.text())).toEqual(['Objectifs', 'Enjeux juridiques'])
    const legalRows = wrapper.get('[data-print-section="legal"] tbody').findAll('tr')
    expect(legalRows.map(read)).toEqual([
      'Clauses contractuelles (statut des données, cybersécurité, sobriété) Non évalué Clause de réversibilité à négocier',
    ])
    expect(wrapper.text()).not.toContain('Calendrier')
    expect(wrapper.text()).not.toContain('Enjeux éthiques')
    expect(wrapper.find('[data-print-section="radar"]').exists()).toBe(false)
  })

  it('prints every part of a full sheet in reading order', () => {
    const wrapper = mountPrint(example('fiche-sante.json'))
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual([
      'Le projet',
      'Les données',
      'Enjeux juridiques et éthiques',
      'Radar des enjeux Data',
    ])
    expect(wrapper.findAll('[data-print-section="project"] h3').map((heading) => heading.text())).toEqual([
      'Description',
      'Calendrier',
      'Parties prenantes',
      'Objectifs',
      'Territoires d’expérimentation',
      'Budget',
      'Évaluation de l’impact',
    ])

    const text = read(wrapper)
    const inOrder = [
      'Cartographier l’offre de santé',
      'Collectivité porteuse Département exemple',
      'Rédigée par Service observation territoriale',
      'Phase du projet Prototype',
      'Étiquettes atelier 2026',
      'Croiser l’offre de soins',
      'Du 1 avril 2026 au 31 mars 2027',
      'Convention de partage avec l’ARS 30 juin 2026',
      'ARS Occitanie Agence régionale de santé Fournisseur de données Non',
      'Orienter l’implantation de maisons de santé',
      'Département exemple (territoire fictif)',
      'Budget total : 45 000 €',
      'Prestation de datascience 30 000 €',
      'Somme des postes 35 000 €',
      'Appel à projets régional',
      'Délai moyen d’accès à un généraliste 28 min 20 min',
      'Consommation de soins par commune Agrégats communaux CPAM Convention de partage Non Secret statistique : pas de cellule de moins de 11 patients',
      'Données personnelles (RGPD) À traiter Analyse d’impact à conduire avec le DPO',
      'Indice de difficulté 55 %',
      'Points bloquants RGPD',
      'RGPD 4 — Critique 3 — Fort Données de santé : secret statistique et AIPD obligatoires.',
      'Environnement 1 — Faible 1 — Faible',
    ]
    const positions = inOrder.map((snippet) => {
      const position = text.indexOf(snippet)
      expect(position, snippet).toBeGreaterThanOrEqual(0)
      return position
    })
    expect(positions).toEqual([...positions].sort((a, b) => a - b))

    // Only the topic that says something; the 20 scores, one row per theme, with the comments column.
    expect(wrapper.get('[data-print-section="legal"] tbody').findAll('tr')).toHaveLength(1)
    expect(wrapper.get('.sheet-print__scores tbody').findAll('tr')).toHaveLength(10)
    expect(wrapper.get('.sheet-print__scores thead').text()).toContain('Commentaire')
  })

  it('prints the short name and the decision’s history, the one in force first (format v3)', () => {
    const sheet = minimal()
    sheet.project.shortLabel = 'Téléphonie mobile'
    sheet.decision = {
      status: 'reactive',
      reason: 'Un opérateur propose ses données.',
      decidedAt: '2027-03-10',
      source: 'personne',
      history: [
        { status: 'reserve', reason: 'vote du 19 février 2026 — 45 points', decidedAt: '2026-02-19', source: 'vote' },
        { status: 'depriorise', reason: 'Coût des données.', decidedAt: '2026-06-12', source: 'personne' },
      ],
    }
    const text = read(mountPrint(sheet))
    expect(text).toContain('Nom court Téléphonie mobile')
    expect(text).toContain(
      'Historique des décisions Réactivé (en vigueur) — 10 mars 2027 — saisie sur la fiche Un opérateur propose ses données. ' +
        'Dépriorisé — 12 juin 2026 — saisie sur la fiche Coût des données. ' +
        'En réserve — 19 février 2026 — vote du comité vote du 19 février 2026 — 45 points',
    )
  })

  it('leaves the comment column out when no theme has a comment', () => {
    const sheet = minimal()
    sheet.radar.cybersecurite.prototype = 3
    const wrapper = mountPrint(sheet)
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(['Radar des enjeux Data'])
    const header = wrapper.get('.sheet-print__scores thead').findAll('th').map((cell) => cell.text())
    expect(header).toEqual(['Thème', 'Difficulté pour le prototype', 'Frein au passage à l’échelle'])
    expect(read(wrapper.get('.sheet-print__scores tbody'))).toContain('Cybersécurité 3 — Fort Non évalué')
  })

  it('shows user text literally, never as HTML', () => {
    const sheet = minimal()
    sheet.project.title = '<b>Gras</b> & <i>penché</i>'
    sheet.organisation = '<script>alert(1)</script>'
    sheet.project.description = 'Ligne 1\n<b>Ligne 2</b>'
    sheet.data.datasets.push({
      name: '<img src=x onerror=alert(1)>',
      description: '',
      owner: '',
      access: 'autre',
      personal: 'non',
      notes: '',
    })
    sheet.radar.rgpd.comment = '<b>commentaire</b>'
    const wrapper = mountPrint(sheet)
    expect(wrapper.get('h1').text()).toBe('<b>Gras</b> & <i>penché</i>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.find('i').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<script>alert(1)</script>')
    expect(wrapper.text()).toContain('Ligne 1\n<b>Ligne 2</b>')
    expect(wrapper.text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.text()).toContain('<b>commentaire</b>')
    expect(wrapper.html()).toContain('&lt;b&gt;Gras&lt;/b&gt;')
  })
})
