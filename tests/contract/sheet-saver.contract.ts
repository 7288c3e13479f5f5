// What the saver (storage/sheet-saver.ts) must do on any SheetsRepository: run on the Dexie repository in Chromium
// (tests/browser/sheet-saver.browser.test.ts) and on the in-memory one (tests/store/sheet-saver.test.ts). Two savers
// on one repository are two tabs. Other tabs are heard either through the repository's live query (Dexie) or when
// a save is refused as based on an old revision (both): the outcomes asserted here hold either way.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applySessionEdit, sessionIssues, type EditSession } from '@/domain/edit-session'
import type { SheetEdit } from '@/domain/sheet-edit'
import { SheetSaver } from '@/storage/sheet-saver'
import type { SheetsRepository } from '@/storage'

/** One page editing a sheet: a saver and the session it shows, without Vue. */
function page(repository: SheetsRepository) {
  let session: EditSession | null = null
  const saver = new SheetSaver({
    repository: () => repository,
    slot: {
      current: () => session,
      show: (shown) => (session = shown),
      hasIssues: () => (session ? sessionIssues(session).length > 0 : false),
    },
  })
  return {
    saver,
    status: saver.status,
    working: () => session?.working,
    edit(change: SheetEdit) {
      applySessionEdit(session!, change)
      saver.noteEdit()
    },
  }
}

export function describeSheetSaverContract(kind: string, open: () => SheetsRepository): void {
  describe(`the sheet saver contract (${kind})`, () => {
    const pages: ReturnType<typeof page>[] = []
    function openPage(repository: SheetsRepository) {
      const opened = page(repository)
      pages.push(opened)
      return opened
    }
    afterEach(() => {
      for (const opened of pages.splice(0)) opened.saver.close()
    })
    /** One sheet open in two tabs. */
    async function twoTabs() {
      const repository = open()
      const { id } = await repository.create({ title: 'Mobilité rurale' })
      const mine = openPage(repository)
      const theirs = openPage(repository)
      await mine.saver.open(id)
      await theirs.saver.open(id)
      return { repository, id, mine, theirs }
    }

    it('stores every valid edit, and says so', async () => {
      const repository = open()
      const { id } = await repository.create({ title: 'Mobilité rurale' })
      const tab = openPage(repository)
      await tab.saver.open(id)
      expect(tab.status.status).toBe('ready')
      tab.edit({ kind: 'field', path: 'author', value: 'Camille' })
      tab.edit({ kind: 'score', theme: 'rgpd', axis: 'prototype', value: 3 })
      expect(tab.status.saveState).toBe('pending')
      expect(tab.saver.hasUnsavedChanges()).toBe(true)
      await tab.saver.save()
      expect(tab.status.saveState).toBe('saved')
      expect(tab.saver.hasUnsavedChanges()).toBe(false)
      const stored = await repository.getStored(id)
      expect(stored?.sheet.author).toBe('Camille')
      expect(stored?.sheet.radar.rgpd.prototype).toBe(3)
      expect(await repository.getDraft(id)).toBeUndefined()
    })

    it('keeps what is not valid yet as a draft beside the sheet, and takes it up on the next opening', async () => {
      const repository = open()
      const { id } = await repository.create({ title: 'Mobilité rurale' })
      const tab = openPage(repository)
      await tab.saver.open(id)
      tab.edit({ kind: 'field', path: 'project.title', value: '   ' })
      tab.edit({ kind: 'field', path: 'author', value: 'Camille' })
      await tab.saver.save()
      expect(tab.status.saveState).toBe('invalid')
      const stored = (await repository.getStored(id))!.sheet
      expect(stored.project.title).toBe('Mobilité rurale')
      expect(stored.author).toBe('Camille')
      expect((await repository.getDraft(id))?.content.project.title).toBe('   ')
      tab.saver.close()

      const next = openPage(repository)
      await next.saver.open(id)
      expect(next.working()?.project.title).toBe('   ')
      expect(next.status.draftRestored).toBe(true)
      expect(next.status.saveState).toBe('invalid')
    })

    it('merges another tab’s save field by field, and stores both', async () => {
      const { repository, id, mine, theirs } = await twoTabs()
      theirs.edit({ kind: 'field', path: 'organisation', value: 'Région Occitanie' })
      await theirs.saver.save()
      mine.edit({ kind: 'field', path: 'author', value: 'Camille' })
      await mine.saver.save()
      await vi.waitFor(async () => {
        const stored = (await repository.getStored(id))!.sheet
        expect([stored.author, stored.organisation]).toEqual(['Camille', 'Région Occitanie'])
        expect(mine.status.saveState).toBe('saved')
      })
      expect(mine.status.mergedWithMine).toBe(true)
      expect(mine.status.changedElsewhere).toContain('organisation')
      expect(mine.working()?.organisation).toBe('Région Occitanie')
    })

    it('asks when both tabs changed the same field, and writes the side the person keeps', async () => {
      const { repository, id, mine, theirs } = await twoTabs()
      theirs.edit({ kind: 'field', path: 'author', value: 'Autre onglet' })
      theirs.edit({ kind: 'field', path: 'organisation', value: 'Région Occitanie' })
      await theirs.saver.save()
      mine.edit({ kind: 'field', path: 'author', value: 'Camille' })
      await mine.saver.save()
      await vi.waitFor(() => expect(mine.status.saveState).toBe('conflict'))
      expect(mine.status.conflictFields.map((field) => field.path)).toEqual(['author'])
      // Nothing is written over the other version while the person has not chosen.
      expect((await repository.getStored(id))!.sheet.author).toBe('Autre onglet')
      expect(mine.saver.hasUnsavedChanges()).toBe(true)

      await mine.saver.resolveConflict('mine')
      await vi.waitFor(async () => expect(mine.status.saveState).toBe('saved'))
      const stored = (await repository.getStored(id))!.sheet
      // The field in question takes my side; the other tab's other edit is kept.
      expect([stored.author, stored.organisation]).toEqual(['Camille', 'Région Occitanie'])
    })

    it('keeping their version drops my clashing edit and its draft', async () => {
      const { repository, id, mine, theirs } = await twoTabs()
      theirs.edit({ kind: 'field', path: 'author', value: 'Autre onglet' })
      await theirs.saver.save()
      mine.edit({ kind: 'field', path: 'author', value: 'Camille' })
      await mine.saver.save()
      await vi.waitFor(() => expect(mine.status.saveState).toBe('conflict'))
      await mine.saver.resolveConflict('theirs')
      await vi.waitFor(() => expect(mine.status.saveState).toBe('saved'))
      expect(mine.working()?.author).toBe('Autre onglet')
      expect((await repository.getStored(id))!.sheet.author).toBe('Autre onglet')
    })

    it('says a sheet deleted elsewhere, keeps the edits, and writes them back on « Restaurer »', async () => {
      const repository = open()
      const { id } = await repository.create({ title: 'Mobilité rurale' })
      const tab = openPage(repository)
      await tab.saver.open(id)
      await repository.remove(id)
      tab.edit({ kind: 'field', path: 'author', value: 'Camille' })
      await tab.saver.save()
      await vi.waitFor(() => expect(tab.status.saveState).toBe('deleted'))
      expect(tab.status.deletedElsewhere).toBe(true)
      expect(tab.saver.hasUnsavedChanges()).toBe(true)
      expect(await repository.get(id)).toBeUndefined()
      await tab.saver.restoreDeleted()
      await vi.waitFor(() => expect(tab.status.saveState).toBe('saved'))
      expect((await repository.get(id))?.author).toBe('Camille')
    })

    it('finds typing that never reached storage in the rescue copy, says so and stores it', async () => {
      const repository = open()
      const { id } = await repository.create({ title: 'Mobilité rurale' })
      const tab = openPage(repository)
      await tab.saver.open(id)
      tab.edit({ kind: 'field', path: 'project.description', value: 'Tapé juste avant que le navigateur ne quitte' })
      // The copy is written within the task, before any save: then the page dies.
      await Promise.resolve()
      tab.saver.close()
      expect((await repository.get(id))?.project.description).toBe('')

      const next = openPage(repository)
      await next.saver.open(id)
      expect(next.working()?.project.description).toBe('Tapé juste avant que le navigateur ne quitte')
      expect(next.status.unsavedRestored).toBe(true)
      await vi.waitFor(async () => {
        expect((await repository.get(id))?.project.description).toBe('Tapé juste avant que le navigateur ne quitte')
        expect(next.status.saveState).toBe('saved')
      })
    })

    it('moves a new sheet left untouched to the trash, and keeps one that was edited', async () => {
      const repository = open()
      const untouched = await repository.create({ title: 'Nouvelle fiche' })
      const tab = openPage(repository)
      await tab.saver.open(untouched.id)
      await tab.saver.discardIfUntouched()
      expect(await repository.get(untouched.id)).toBeUndefined()
      tab.saver.close()

      const edited = await repository.create({ title: 'Nouvelle fiche' })
      const next = openPage(repository)
      await next.saver.open(edited.id)
      next.edit({ kind: 'field', path: 'project.title', value: 'Cantines' })
      await next.saver.save()
      await next.saver.discardIfUntouched()
      expect((await repository.get(edited.id))?.project.title).toBe('Cantines')
    })

    it('says a sheet that does not exist is not found', async () => {
      const tab = openPage(open())
      await tab.saver.open(crypto.randomUUID())
      expect(tab.status.status).toBe('not-found')
      expect(tab.working()).toBeUndefined()
    })
  })
}
