// « Sans les noms des personnes », channel by channel: the JSON file, the spreadsheet, the share link and the QR
// codes carry no person's name; the backup of the whole library keeps them.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { PartsAssembler, decodePayload, splitIntoParts } from '@/domain/share-code'
import { neutralNames } from '@/presentation/neutral-names'
import { useExchangeStore } from '@/stores/exchange'
import { useWorkshopsStore } from '@/stores/workshops'
import { useLibraryStore } from '@/stores/library'
import { testTranslate } from '../i18n'
import { useMemoryStorage } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))
vi.mock('@/services/download', () => ({ downloadText: vi.fn(), downloadBlob: vi.fn() }))

const { t } = testTranslate()
const PEOPLE = ['Camille Martin', 'Jeanne Roux', 'Paul Girard', 'Anne Moreau']

function sheetWithPeople(): Sheet {
  const sheet = createSheet({ title: 'Observatoire des loyers', organisation: 'Métropole de Lyon', author: 'Camille Martin' })
  sheet.project.stakeholders = [
    { name: 'Jeanne Roux', organisation: 'Métropole de Lyon', role: 'porteur', internal: true },
    { name: 'Paul Girard', organisation: 'DGFiP', role: 'fournisseur-donnees', internal: false },
  ]
  return sheet
}

async function written(): Promise<string[]> {
  const { downloadText } = await import('@/services/download')
  return vi.mocked(downloadText).mock.calls.map(([, text]) => text)
}

const namesIn = (text: string) => PEOPLE.filter((name) => text.includes(name))

describe('exports « sans les noms des personnes »', () => {
  let sheet: Sheet

  beforeEach(async () => {
    setActivePinia(createPinia())
    sheet = sheetWithPeople()
    useMemoryStorage([sheet])
    const { downloadText } = await import('@/services/download')
    vi.mocked(downloadText).mockClear()
  })

  it('JSON: a sheet, a selection and a workshop leave without names; with the option off, with them', async () => {
    const store = useExchangeStore()
    await store.downloadSheets([sheet], neutralNames(t))
    await store.exportSheets([sheet.id], neutralNames(t))
    const workshops = useWorkshopsStore()
    await workshops.load()
    const workshop = await workshops.create({ title: 'Atelier logement', date: null, place: 'Lyon', facilitator: 'Anne Moreau' })
    await workshops.addSheets(workshop.id, [sheet.id])
    await useLibraryStore().load()
    await store.exportWorkshop(workshops.find(workshop.id)!, neutralNames(t))
    const files = await written()
    expect(files).toHaveLength(3)
    for (const file of files) {
      expect(namesIn(file)).toEqual([])
      expect(file).toContain('Auteur ou autrice (nom retiré)')
      expect(file).toContain('Fournisseur de données')
    }
    expect(files[2]).toContain('Animateur ou animatrice (nom retiré)')
    await store.downloadSheets([sheet])
    expect(namesIn((await written())[3]!)).toEqual(['Camille Martin', 'Jeanne Roux', 'Paul Girard'])
  })

  it('the backup of the whole library keeps every name, to restore everything', async () => {
    await useExchangeStore().exportSheets('all', neutralNames(t))
    expect(namesIn((await written())[0]!)).toEqual(['Camille Martin', 'Jeanne Roux', 'Paul Girard'])
  })

  it('CSV: the spreadsheet of a selection names no one', async () => {
    await useLibraryStore().load()
    const table = await useExchangeStore().spreadsheetOf([sheet.id], undefined, neutralNames(t))
    const { sheetsToSpreadsheet } = await import('@/presentation/spreadsheet')
    const csv = sheetsToSpreadsheet(table!.sheets, t)
    expect(namesIn(csv)).toEqual([])
    expect(csv).toContain('Auteur ou autrice (nom retiré)')
  })

  it('link and QR codes: the payload, and the parts put back together, name no one', async () => {
    const share = await useExchangeStore().prepareShare([sheet], undefined, neutralNames(t))
    const fromLink = await decodePayload(share.payload)
    expect(fromLink.ok).toBe(true)
    if (!fromLink.ok) return
    expect(namesIn(new TextDecoder().decode(fromLink.bytes))).toEqual([])
    const assembler = new PartsAssembler()
    const outcomes = splitIntoParts(share.payload, 'qrtest').map((part) => assembler.add(part))
    const complete = outcomes.at(-1)!
    expect(complete.kind).toBe('complete')
    if (complete.kind !== 'complete') return
    const fromCodes = await decodePayload(complete.payload)
    expect(fromCodes.ok && namesIn(new TextDecoder().decode(fromCodes.bytes))).toEqual([])
    expect(namesIn(share.fileText)).toEqual([])
  })
})
