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
    expect(editor.savable?.project.title).toBe('Transport à la demande')
    expect(editor.savable?.project.calendar.milestones[0]?.label).toBe('Comité de pilotage')
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
