import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSheet, type Sheet } from '@/domain/sheet'
import { useSheetEditorStore } from '@/stores/sheet-editor'
import { useMemoryStorage } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

let memory: ReturnType<typeof useMemoryStorage>
let stored: Sheet

beforeEach(() => {
  setActivePinia(createPinia())
  stored = createSheet({ title: 'Mobilité rurale' })
  stored.project.calendar.milestones = [{ label: 'Comité de pilotage', date: '2026-03-01' }]
  memory = useMemoryStorage([stored])
})

async function openEditor() {
  const editor = useSheetEditorStore()
  await editor.open(stored.id)
  return editor
}

describe('the sheet editor store', () => {
  it('applies every change through its API and saves it', async () => {
    const editor = await openEditor()
    editor.setField('author', 'Camille')
    editor.setScore('rgpd', 'scaleUp', 4)
    editor.setComment('rgpd', 'Données de localisation')
    editor.addRow('tags', 'atelier CTD')
    expect(editor.saveState).toBe('pending')
    await editor.save()
    expect(memory.sheets.get(stored.id)).toMatchObject({
      author: 'Camille',
      tags: ['atelier CTD'],
      radar: { rgpd: { scaleUp: 4, comment: 'Données de localisation' } },
    })
    expect(editor.saveState).toBe('saved')
    expect(memory.drafts.has(stored.id)).toBe(false)
  })

  it('saves while typing goes on: no edit waits more than a second for a pause', async () => {
    const editor = await openEditor()
    vi.useFakeTimers()
    try {
      let text = ''
      // A key every 60 ms for 3 s, never a pause of half a second.
      for (let key = 0; key < 50; key++) {
        text += 'a'
        editor.setField('project.description', text)
        await vi.advanceTimersByTimeAsync(60)
        const storedText = memory.sheets.get(stored.id)!.project.description
        // What is stored is never more than a second behind (17 keys of 60 ms), and always what was typed.
        expect(text.startsWith(storedText)).toBe(true)
        if (key >= 17) expect(text.length - storedText.length).toBeLessThanOrEqual(17)
      }
      await vi.advanceTimersByTimeAsync(600)
      expect(memory.sheets.get(stored.id)!.project.description).toBe(text)
      expect(editor.saveState).toBe('saved')
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not call a row just added an error until the person leaves it', async () => {
    const editor = await openEditor()
    editor.addRow('project.objectives')
    expect(editor.issues).toEqual([])
    editor.leaveRow('project.objectives', 0)
    expect(editor.issues).toEqual([{ path: 'project.objectives.0', code: 'required' }])
    // Typing in it makes it valid; removing it is fine too.
    editor.setRow('project.objectives', 0, 'Réduire l’autosolisme')
    expect(editor.issues).toEqual([])
  })

  it('stores every valid edit while a field is invalid, and keeps the typing as a draft', async () => {
    const editor = await openEditor()
    editor.setRowField('project.calendar.milestones', 0, 'label', '')
    editor.setField('project.title', 'Transport à la demande')
    await editor.save()
    const saved = memory.sheets.get(stored.id)!
    expect(saved.project.title).toBe('Transport à la demande')
    expect(saved.project.calendar.milestones).toEqual([{ label: 'Comité de pilotage', date: '2026-03-01' }])
    expect(memory.drafts.get(stored.id)?.content.project.calendar.milestones[0]?.label).toBe('')
    expect(editor.saveState).toBe('invalid')
    expect(editor.savableNow()?.project.title).toBe('Transport à la demande')
    expect(editor.savableNow()?.project.calendar.milestones[0]?.label).toBe('Comité de pilotage')
  })

  it('reopens a draft with its rows still paired to the stored ones, so a later save loses nothing', async () => {
    let editor = await openEditor()
    editor.addRow('project.calendar.milestones')
    editor.setRowField('project.calendar.milestones', 1, 'label', 'Bilan')
    editor.moveRow('project.calendar.milestones', 1, 0)
    editor.setRowField('project.calendar.milestones', 1, 'label', '')
    editor.setRowField('project.calendar.milestones', 1, 'date', '2026-05-01')
    await editor.save()
    editor.close()

    setActivePinia(createPinia())
    editor = await openEditor()
    expect(editor.draftRestored).toBe(true)
    expect(editor.sheet?.project.calendar.milestones.map((row) => row.label)).toEqual(['Bilan', ''])
    editor.setField('author', 'Camille')
    await editor.save()
    // The emptied label still falls back to the stored "Comité de pilotage" (paired by key, not position).
    expect(memory.sheets.get(stored.id)?.project.calendar.milestones).toEqual([
      { label: 'Bilan', date: null },
      { label: 'Comité de pilotage', date: '2026-05-01' },
    ])
    expect(memory.sheets.get(stored.id)?.author).toBe('Camille')
  })

  it('removes a row and puts it back with its key', async () => {
    const editor = await openEditor()
    const key = editor.rowKeys?.['project.calendar.milestones'][0]
    const removed = editor.removeRow('project.calendar.milestones', 0)
    expect(editor.sheet?.project.calendar.milestones).toEqual([])
    editor.restoreRow(removed!)
    expect(editor.sheet?.project.calendar.milestones[0]?.label).toBe('Comité de pilotage')
    expect(editor.rowKeys?.['project.calendar.milestones'][0]).toBe(key)
  })

  it('writes nothing when nothing changed', async () => {
    const editor = await openEditor()
    const save = vi.spyOn(memory.repository, 'save')
    await editor.save()
    expect(save).not.toHaveBeenCalled()
  })
})

describe('a new sheet left untouched', () => {
  it('is discarded when left, but not once it has been changed, even in an earlier visit', async () => {
    const fresh = createSheet({ title: 'Nouvelle fiche' })
    memory = useMemoryStorage([fresh])
    let editor = useSheetEditorStore()
    await editor.open(fresh.id)
    await editor.discardIfUntouched()
    expect(memory.sheets.has(fresh.id)).toBe(false)

    const typed = createSheet({ title: 'Nouvelle fiche' })
    memory = useMemoryStorage([typed])
    setActivePinia(createPinia())
    editor = useSheetEditorStore()
    await editor.open(typed.id)
    editor.setField('project.title', 'Vélos en libre-service')
    await editor.save()
    editor.close()
    // Reopened (a reload keeps the « nouvelle » address) and left without a change: it stays.
    setActivePinia(createPinia())
    editor = useSheetEditorStore()
    await editor.open(typed.id)
    await editor.discardIfUntouched()
    expect(memory.sheets.get(typed.id)?.project.title).toBe('Vélos en libre-service')
  })
})

describe('what the editor says on opening a sheet', () => {
  it('keeps no draft, and announces none, for a text that differs only by a trailing space', async () => {
    const editor = await openEditor()
    editor.setField('author', 'Camille ')
    await editor.save()
    expect(memory.sheets.get(stored.id)!.author).toBe('Camille')
    expect(memory.drafts.has(stored.id)).toBe(false)
    editor.close()
    setActivePinia(createPinia())
    const reopened = await openEditor()
    expect(reopened.draftRestored).toBe(false)
    expect(reopened.unsavedRestored).toBe(false)
    expect(reopened.saveState).toBe('saved')
  })

  it('drops a draft written by an older version that held only a trailing space', async () => {
    const first = await openEditor()
    first.setField('author', 'Camille')
    await first.save()
    const revision = memory.revisions.get(stored.id)!
    await memory.repository.saveDraft({ ...structuredClone(memory.sheets.get(stored.id)!), author: 'Camille ' }, revision, undefined)
    first.close()
    setActivePinia(createPinia())
    const editor = await openEditor()
    expect(editor.draftRestored).toBe(false)
    await vi.waitFor(() => expect(memory.drafts.has(stored.id)).toBe(false))
  })

  it('says typing found in the rescue copy was not stored yet, and stores it', async () => {
    const { writeRescueCopy } = await import('@/storage/rescue-copy')
    const { keysFor } = await import('@/domain/sheet-edit')
    const base = memory.sheets.get(stored.id)!
    const typed = { ...structuredClone(base), author: 'Tapé juste avant la fermeture' }
    writeRescueCopy({ content: typed, rowKeys: { draft: keysFor(typed), stored: keysFor(base) }, baseRevision: 1, savedAt: new Date().toISOString() })
    const editor = await openEditor()
    expect(editor.unsavedRestored).toBe(true)
    expect(editor.draftRestored).toBe(false)
    // « Enregistré » only once it is.
    if (editor.saveState === 'saved') expect(memory.sheets.get(stored.id)!.author).toBe('Tapé juste avant la fermeture')
    await vi.waitFor(() => expect(memory.sheets.get(stored.id)!.author).toBe('Tapé juste avant la fermeture'))
    await vi.waitFor(() => expect(editor.saveState).toBe('saved'))
  })

  it('keeps a rescue copy of every change until its save has committed, and another tab’s copy after its own save', async () => {
    const { readRescueCopy, writeRescueCopy } = await import('@/storage/rescue-copy')
    const editor = await openEditor()
    // A browser that quits gives no event: the copy is written as the person types, before any save.
    editor.setField('author', 'Cam')
    await Promise.resolve()
    expect(readRescueCopy(stored.id)?.content.author).toBe('Cam')
    expect(memory.sheets.get(stored.id)!.author).not.toBe('Cam')
    await editor.save()
    expect(memory.sheets.get(stored.id)!.author).toBe('Cam')
    expect(readRescueCopy(stored.id)).toBeUndefined()
    // Another tab's typing, written while this tab's save runs: the save, once committed, does not remove it.
    editor.setField('author', 'Camille')
    await Promise.resolve()
    const theirs = readRescueCopy(stored.id)!
    const save = memory.repository.save.bind(memory.repository)
    vi.spyOn(memory.repository, 'save').mockImplementationOnce((...args) => {
      writeRescueCopy({ ...theirs, content: { ...theirs.content, organisation: 'Autre onglet' }, writer: 'another-tab' })
      return save(...args)
    })
    await editor.save()
    expect(readRescueCopy(stored.id)?.content.organisation).toBe('Autre onglet')
  })

  it('leaves no rescue copy of an undone edit once the text is back to what is stored (undo, then redo)', async () => {
    const { readRescueCopy } = await import('@/storage/rescue-copy')
    const editor = await openEditor()
    editor.setField('project.description', 'Texte collé')
    await editor.save()
    // Undone: the copy holds the empty text…
    editor.setField('project.description', '')
    await Promise.resolve()
    expect(readRescueCopy(stored.id)?.content.project.description).toBe('')
    // …redone before any save: the text is the stored one again, and no copy may bring the empty text back.
    editor.setField('project.description', 'Texte collé')
    await Promise.resolve()
    await editor.save()
    expect(readRescueCopy(stored.id)).toBeUndefined()
    editor.close()
    setActivePinia(createPinia())
    const reopened = await openEditor()
    expect(reopened.sheet?.project.description).toBe('Texte collé')
  })

  it('writes the rescue copy again on the new revision when typing went on during a save', async () => {
    const { readRescueCopy } = await import('@/storage/rescue-copy')
    const editor = await openEditor()
    editor.setField('author', 'Cam')
    const saving = editor.save()
    editor.setField('author', 'Camille')
    await saving
    const copy = readRescueCopy(stored.id)!
    expect(copy.content.author).toBe('Camille')
    expect(copy.baseRevision).toBe(memory.revisions.get(stored.id))
  })

  it('applies a rescue copy written during a save that committed unheard (the browser quit in between)', async () => {
    const { readRescueCopy, writeRescueCopy } = await import('@/storage/rescue-copy')
    const editor = await openEditor()
    const before = memory.revisions.get(stored.id)!
    editor.setField('author', 'Cam')
    const saving = editor.save()
    editor.setField('author', 'Camille')
    await Promise.resolve()
    // The copy as it was while the save was writing: made from the old revision, naming the one being written.
    const duringSave = structuredClone(readRescueCopy(stored.id)!)
    expect(duringSave.baseRevision).toBe(before)
    await saving
    expect(memory.revisions.get(stored.id)).toBe(before + 1)
    expect(memory.sheets.get(stored.id)!.author).toBe('Cam')
    // The page died before it heard of the commit: the copy was never written again.
    writeRescueCopy(duringSave)
    editor.close()
    setActivePinia(createPinia())
    const reopened = await openEditor()
    expect(reopened.sheet?.author).toBe('Camille')
    expect(reopened.staleDraft).toBeNull()
    await vi.waitFor(() => expect(memory.sheets.get(stored.id)!.author).toBe('Camille'))
  })
})
