// What every SheetsRepository must do, whatever it stores sheets in. Run on the Dexie repository in Chromium
// (tests/browser/sheets-repository.browser.test.ts) and on the in-memory one the component and store tests use
// (tests/store/memory-repository.test.ts), so the stand-in cannot drift from the real thing.
import { describe, expect, it } from 'vitest'
import { ratingFromSheet } from '@/domain/rating'
import { keysFor } from '@/domain/sheet-edit'
import { createSheet, type Sheet } from '@/domain/sheet'
import { isSaveConflict, isSaveDeleted, type SheetsRepository } from '@/storage'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

export function describeSheetsRepositoryContract(kind: string, open: () => SheetsRepository): void {
  describe(`the sheets repository contract (${kind})`, () => {
    it('creates a valid sheet, gives it back and lists its summary', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Éclairage public', organisation: 'Commune de Cozzano', tags: ['CTD'] })
      expect(await repository.get(sheet.id)).toEqual(sheet)
      expect(await repository.listSummaries()).toMatchObject([
        { id: sheet.id, title: 'Éclairage public', organisation: 'Commune de Cozzano', tags: ['CTD'], phase: 'idee' },
      ])
    })

    it('never writes an invalid sheet, and keeps the last valid one', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Valide' })
      const invalid = structuredClone(sheet)
      invalid.project.title = '   '
      expect((await repository.save(invalid)).ok).toBe(false)
      expect((await repository.get(sheet.id))?.project.title).toBe('Valide')
      expect((await repository.listSummaries()).map((summary) => summary.title)).toEqual(['Valide'])
    })

    it('stamps updatedAt on save and lists summaries most recent first', async () => {
      const repository = open()
      const older = await repository.create({ title: 'Ancienne' })
      await tick()
      const newer = await repository.create({ title: 'Récente' })
      expect((await repository.listSummaries()).map((summary) => summary.id)).toEqual([newer.id, older.id])
      await tick()
      const result = await repository.save(older)
      expect(result.ok && result.sheet.updatedAt > older.updatedAt).toBe(true)
      expect((await repository.listSummaries()).map((summary) => summary.id)).toEqual([older.id, newer.id])
      expect((await repository.getAll()).map((sheet) => sheet.id)).toEqual([older.id, newer.id])
    })

    it('never stamps updatedAt before createdAt, whatever the clock says', async () => {
      const repository = open()
      const sheet = createSheet({ title: 'Horloge en avance', now: new Date(Date.now() + 3_600_000) })
      await repository.importSheets([sheet])
      const result = await repository.save(sheet)
      expect(result.ok && Date.parse(result.sheet.updatedAt) >= Date.parse(sheet.createdAt)).toBe(true)
    })

    it('refuses a save based on a revision that has been replaced since, and says which version is stored', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Deux onglets' })
      const { revision } = (await repository.getStored(sheet.id))!
      const first = { ...structuredClone(sheet), author: 'Premier onglet' }
      const saved = await repository.save(first, { expectedRevision: revision })
      expect(saved.ok && saved.revision).toBe(revision + 1)
      const second = { ...structuredClone(sheet), author: 'Second onglet' }
      const refused = await repository.save(second, { expectedRevision: revision })
      expect(isSaveConflict(refused) && [refused.conflict.author, refused.revision]).toEqual(['Premier onglet', revision + 1])
      expect((await repository.get(sheet.id))?.author).toBe('Premier onglet')
    })

    it('tells two versions apart whatever the clocks say: a sheet created in the future still changes revision', async () => {
      const repository = open()
      // An imported sheet stamped by a machine whose clock is an hour ahead: every save keeps its updatedAt.
      const sheet = createSheet({ title: 'Horloge en avance', now: new Date(Date.now() + 3_600_000) })
      await repository.importSheets([sheet])
      const { revision } = (await repository.getStored(sheet.id))!
      const first = await repository.save({ ...sheet, organisation: 'Onglet 1' }, { expectedRevision: revision })
      expect(first.ok && first.sheet.updatedAt).toBe(sheet.updatedAt)
      const second = await repository.save({ ...sheet, author: 'Onglet 2' }, { expectedRevision: revision })
      expect(isSaveConflict(second)).toBe(true)
      expect((await repository.get(sheet.id))?.organisation).toBe('Onglet 1')
    })

    it('refuses a save based on a sheet deleted meanwhile, unless asked to create it again', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Supprimée ailleurs' })
      const { revision } = (await repository.getStored(sheet.id))!
      await repository.remove(sheet.id)
      const edited = { ...sheet, author: 'Onglet A' }
      expect(isSaveDeleted(await repository.save(edited, { expectedRevision: revision }))).toBe(true)
      expect(await repository.get(sheet.id)).toBeUndefined()
      expect((await repository.save(edited, { expectedRevision: null })).ok).toBe(true)
      expect((await repository.get(sheet.id))?.author).toBe('Onglet A')
    })

    it('keeps a draft beside the sheet it was saved with, based on the new version, and drops it with the next save', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Brouillon' })
      const working: Sheet = structuredClone(sheet)
      working.project.objectives = ['']
      const rowKeys = { draft: keysFor(working), stored: keysFor(sheet) }
      const saved = await repository.save({ ...sheet, author: 'Camille' }, { draft: { content: working, rowKeys } })
      expect(saved.ok).toBe(true)
      const draft = await repository.getDraft(sheet.id)
      expect(draft?.content.project.objectives).toEqual([''])
      expect(draft?.baseRevision).toBe((await repository.getStored(sheet.id))?.revision)
      expect(draft?.rowKeys).toEqual(rowKeys)
      expect((await repository.save({ ...sheet, author: 'Camille D.' })).ok).toBe(true)
      expect(await repository.getDraft(sheet.id)).toBeUndefined()
    })

    it('stores, gives back and discards a draft on its own', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Brouillon seul' })
      const working: Sheet = structuredClone(sheet)
      working.project.calendar.milestones.push({ label: '', date: null })
      await repository.saveDraft(working, 7)
      expect(await repository.getDraft(sheet.id)).toMatchObject({
        content: { project: { calendar: { milestones: [{ label: '', date: null }] } } },
        baseRevision: 7,
      })
      await repository.discardDraft(sheet.id)
      expect(await repository.getDraft(sheet.id)).toBeUndefined()
    })

    it('duplicates a sheet under a new id and title', async () => {
      const repository = open()
      const source = await repository.create({ title: 'Source' })
      const copy = await repository.duplicate(source.id, (title) => `${title} (copie)`)
      expect(copy.id).not.toBe(source.id)
      expect(await repository.get(copy.id)).toMatchObject({ project: { title: 'Source (copie)' } })
      expect(await repository.listSummaries()).toHaveLength(2)
    })

    it('gives the copy of a title at the length limit its « (copie) » mark, shortening the title instead', async () => {
      const repository = open()
      const source = await repository.create({ title: `${'Cartographie des besoins '.repeat(8)}`.slice(0, 200) })
      const copy = await repository.duplicate(source.id, (title) => `${title} (copie)`)
      expect(copy.project.title.endsWith('… (copie)')).toBe(true)
      expect(copy.project.title.length).toBeLessThanOrEqual(200)
    })

    it('moves a deleted sheet to the trash with its draft gone, and restores it unchanged, as a newer revision', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'À supprimer' })
      const before = (await repository.getStored(sheet.id))!.revision
      await repository.saveDraft(sheet, before)
      await repository.remove(sheet.id)
      expect(await repository.get(sheet.id)).toBeUndefined()
      expect(await repository.getDraft(sheet.id)).toBeUndefined()
      expect(await repository.listSummaries()).toEqual([])
      expect(await repository.restore(sheet.id)).toEqual({ status: 'restored', sheet })
      expect(await repository.getStored(sheet.id)).toEqual({ sheet, revision: before + 1 })
      expect(await repository.restore(sheet.id)).toEqual({ status: 'missing' })
    })

    it('never lets "Annuler" overwrite a sheet that came back since its deletion, and can keep both', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Fiche' })
      await repository.remove(sheet.id)
      const newer = { ...structuredClone(sheet), author: 'Version importée' }
      await repository.importSheets([newer])
      const result = await repository.restore(sheet.id)
      expect(result).toEqual({ status: 'exists', current: newer, deleted: sheet })
      expect(await repository.get(sheet.id)).toEqual(newer)
      const copy = await repository.restoreAsCopy(sheet.id, (title) => `${title} (restaurée)`)
      expect(copy?.id).not.toBe(sheet.id)
      expect(copy?.project.title).toBe('Fiche (restaurée)')
      expect((await repository.listSummaries()).map((summary) => summary.title).sort()).toEqual(['Fiche', 'Fiche (restaurée)'])
    })

    it('purges trash entries older than a date', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Vieille' })
      await repository.remove(sheet.id)
      expect(await repository.purgeTrash(new Date(Date.now() - 60_000))).toBe(0)
      expect(await repository.purgeTrash(new Date(Date.now() + 60_000))).toBe(1)
      expect(await repository.restore(sheet.id)).toEqual({ status: 'missing' })
    })

    it('lists the trash most recently deleted first, with what tells each sheet apart and when it was deleted', async () => {
      const repository = open()
      const first = await repository.create({ title: 'Première supprimée', organisation: 'Commune de Cozzano' })
      const created = await repository.create({ title: 'Seconde supprimée' })
      const saved = await repository.save({ ...created, author: 'Camille Durand' })
      const second = saved.ok ? saved.sheet : created
      const kept = await repository.create({ title: 'Gardée' })
      const before = new Date().toISOString()
      await repository.remove(first.id)
      await tick()
      await repository.remove(second.id)
      const trash = await repository.listTrash()
      expect(trash).toEqual([
        {
          id: second.id,
          title: 'Seconde supprimée',
          organisation: '',
          author: 'Camille Durand',
          deletedAt: expect.any(String),
          updatedAt: second.updatedAt,
        },
        {
          id: first.id,
          title: 'Première supprimée',
          organisation: 'Commune de Cozzano',
          author: '',
          deletedAt: expect.any(String),
          updatedAt: first.updatedAt,
        },
      ])
      expect(trash[1]!.deletedAt >= before && trash[0]!.deletedAt > trash[1]!.deletedAt).toBe(true)
      expect(trash.some((entry) => entry.id === kept.id)).toBe(false)
      await repository.restore(first.id)
      expect((await repository.listTrash()).map((entry) => entry.id)).toEqual([second.id])
    })

    it('restores several deleted sheets in one go, never over a sheet that came back with the same id, and says which', async () => {
      const repository = open()
      const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((title) => repository.create({ title })))
      for (const sheet of [a!, b!, c!]) await repository.remove(sheet.id)
      const newer = { ...structuredClone(b!), author: 'Version importée' }
      await repository.importSheets([newer])
      const results = await repository.restoreMany([a!.id, b!.id, 'absente'])
      expect(results).toEqual(
        new Map<string, unknown>([
          [a!.id, { status: 'restored', sheet: a }],
          [b!.id, { status: 'exists', current: newer, deleted: b }],
          ['absente', { status: 'missing' }],
        ]),
      )
      expect(await repository.get(a!.id)).toEqual(a)
      expect(await repository.get(b!.id)).toEqual(newer)
      // The one refused stays in the trash, and can still come back beside the sheet that took its place.
      expect((await repository.listTrash()).map((entry) => entry.id).sort()).toEqual([b!.id, c!.id].sort())
      const copy = await repository.restoreAsCopy(b!.id, (title) => `${title} (restaurée)`)
      expect(copy?.project.title).toBe('B (restaurée)')
      expect((await repository.listTrash()).map((entry) => entry.id)).toEqual([c!.id])
      expect((await repository.listSummaries()).map((summary) => summary.title).sort()).toEqual(['A', 'B', 'B (restaurée)'])
    })

    it('erases deleted sheets for good, one or all, and never a sheet of the library', async () => {
      const repository = open()
      const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((title) => repository.create({ title })))
      await repository.remove(a!.id)
      await repository.remove(b!.id)
      expect(await repository.eraseFromTrash([a!.id])).toBe(1)
      expect(await repository.restore(a!.id)).toEqual({ status: 'missing' })
      expect((await repository.listTrash()).map((entry) => entry.id)).toEqual([b!.id])
      expect(await repository.eraseFromTrash([b!.id, a!.id, c!.id])).toBe(1)
      expect(await repository.listTrash()).toEqual([])
      expect(await repository.get(c!.id)).toEqual(c)
    })

    it('imports sheets as given, replacing stored ones and their drafts, and gets them back by id', async () => {
      const repository = open()
      const local = await repository.create({ title: 'Locale' })
      await repository.saveDraft(local, 1)
      const incoming = { ...structuredClone(local), organisation: 'Importée' }
      const other = await (async () => {
        const scratch = open()
        return scratch.create({ title: 'Autre' })
      })()
      const written = await repository.importSheets([incoming, other])
      // Each written sheet's new revision, as the store now holds it.
      expect(written.ok && written.revisions).toEqual(await repository.revisions([local.id, other.id]))
      expect(await repository.get(local.id)).toEqual(incoming)
      expect(await repository.getDraft(local.id)).toBeUndefined()
      expect((await repository.getMany([other.id, 'absente', local.id])).map((sheet) => sheet.id)).toEqual([
        other.id,
        local.id,
      ])
      expect(await repository.revisions([local.id, other.id, 'absente'])).toEqual(
        new Map([
          [local.id, 2],
          [other.id, 1],
        ]),
      )
    })

    it('tells a sheet imported from a file from one changed here, for the backup reminder and the editor', async () => {
      const repository = open()
      const created = await repository.create({ title: 'Créée ici' })
      const imported = createSheet({ title: 'Importée' })
      await repository.importSheets([imported])
      const entries = new Map((await repository.listSummaries()).map((entry) => [entry.id, entry]))
      expect(entries.get(created.id)?.editedAt).toBeTypeOf('string')
      expect(entries.get(imported.id)?.editedAt).toBeUndefined()
      expect(entries.get(imported.id)?.importedAt).toBeTypeOf('string')
      expect(entries.get(created.id)?.author).toBe('')
      expect((await repository.getStored(imported.id))?.importedAt).toBe(entries.get(imported.id)?.importedAt)
      // Edited here after the import: now only this browser holds that version.
      await repository.save({ ...imported, author: 'Camille' })
      expect((await repository.getStored(imported.id))?.importedAt).toBeUndefined()
      expect((await repository.listSummaries()).find((entry) => entry.id === imported.id)).toMatchObject({ author: 'Camille' })
      expect((await repository.listSummaries()).find((entry) => entry.id === imported.id)?.editedAt).toBeTypeOf('string')
    })

    it('refuses a whole import when a sheet changed after the person compared it, and says which', async () => {
      const repository = open()
      const local = await repository.create({ title: 'Comparée' })
      const compared = await repository.revisions([local.id])
      // Meanwhile, another tab saves the sheet.
      await repository.save({ ...local, author: 'Autre onglet' })
      const theirs = { ...structuredClone(local), organisation: 'Version du fichier' }
      const fresh = createSheet({ title: 'Nouvelle' })
      const expected = new Map<string, number | null>([
        [local.id, compared.get(local.id)!],
        [fresh.id, null],
      ])
      expect(await repository.importSheets([theirs, fresh], { expectedRevisions: expected })).toEqual({
        ok: false,
        changed: [local.id],
      })
      expect((await repository.get(local.id))?.author).toBe('Autre onglet')
      expect(await repository.get(fresh.id)).toBeUndefined()
    })
    it('keeps ratings beside their sheet: added, replaced by the same rater, a twice-received anonymous one once', async () => {
      const repository = open()
      const sheet = await repository.create({ title: 'Notée à plusieurs' })
      const scored = (author: string, score: number) => {
        const copy = structuredClone(sheet)
        copy.author = author
        copy.radar.rgpd.prototype = score
        return copy
      }
      const at = (minute: number) => new Date(Date.UTC(2026, 1, 19, 14, minute))
      const first = ratingFromSheet(scored('Camille', 1), { source: 'fichier', now: at(1) })
      const anonymous = ratingFromSheet(scored('', 3), { source: 'qr', now: at(2) })
      const written = await repository.importSheets([], { ratings: [first, anonymous] })
      expect(written).toEqual({ ok: true, ratings: { added: 2, replaced: 0, duplicate: 0 }, revisions: new Map() })
      // Camille sends corrected scores; the anonymous file arrives a second time.
      const corrected = ratingFromSheet(scored('camille', 2), { source: 'fichier', now: at(3) })
      const again = ratingFromSheet(scored('', 3), { source: 'qr', now: at(4) })
      expect(await repository.importSheets([], { ratings: [corrected, again] })).toEqual({
        ok: true,
        ratings: { added: 0, replaced: 1, duplicate: 1 },
        revisions: new Map(),
      })
      expect((await repository.listRatings(sheet.id)).map((rating) => [rating.rater, rating.radar.rgpd.prototype])).toEqual([
        ['', 3],
        ['camille', 2],
      ])
      expect(await repository.ratingCounts()).toEqual(new Map([[sheet.id, 2]]))

      const removed = await repository.removeRating(anonymous.id)
      expect(removed).toEqual(anonymous)
      expect(await repository.listRatings(sheet.id)).toHaveLength(1)
      await repository.putRating(removed!)
      expect(await repository.listRatings(sheet.id)).toHaveLength(2)

      // Deleted, the sheet keeps its ratings (« Annuler » brings both back); erased for good, they go with it.
      await repository.remove(sheet.id)
      expect(await repository.ratingCounts()).toEqual(new Map([[sheet.id, 2]]))
      await repository.eraseFromTrash([sheet.id])
      expect(await repository.ratingCounts()).toEqual(new Map())
    })
  })
}
