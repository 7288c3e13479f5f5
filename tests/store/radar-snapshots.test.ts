import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSheet, LIMITS, type Sheet } from '@/domain/sheet'
import { takeSnapshot } from '@/domain/sheet-edit'
import { useSheetEditorStore } from '@/stores/sheet-editor'
import { useMemoryStorage } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

let memory: ReturnType<typeof useMemoryStorage>
let stored: Sheet

beforeEach(() => {
  setActivePinia(createPinia())
  stored = createSheet({ title: 'Éclairage public intelligent' })
  memory = useMemoryStorage([stored])
})

async function openEditor() {
  const editor = useSheetEditorStore()
  await editor.open(stored.id)
  return editor
}

describe('radar snapshots in the editor', () => {
  it('saves the current scores with the phase and a label, and stores them with the sheet', async () => {
    const editor = await openEditor()
    editor.setScore('rgpd', 'prototype', 3)
    editor.setScore('budget', 'scaleUp', 2)
    const snapshot = editor.takeRadarSnapshot('  Atelier 1  ', new Date('2026-03-02T10:00:00.000Z'))
    expect(snapshot).toMatchObject({ label: 'Atelier 1', phase: 'idee', takenAt: '2026-03-02T10:00:00.000Z' })
    expect(snapshot?.radar.rgpd).toEqual({ prototype: 3, scaleUp: null })
    // Scores changed afterwards do not change the snapshot.
    editor.setScore('rgpd', 'prototype', 1)
    await editor.save()
    const saved = memory.sheets.get(stored.id)!
    expect(saved.snapshots).toHaveLength(1)
    expect(saved.snapshots[0]!.radar.rgpd.prototype).toBe(3)
    expect(saved.radar.rgpd.prototype).toBe(1)
  })

  it('removes a snapshot and puts it back in its place', async () => {
    const editor = await openEditor()
    const first = editor.takeRadarSnapshot('Un')!
    const second = editor.takeRadarSnapshot('Deux')!
    editor.takeRadarSnapshot('Trois')
    const removed = editor.removeRadarSnapshot(second.id)!
    expect(editor.sheet!.snapshots.map((snapshot) => snapshot.label)).toEqual(['Un', 'Trois'])
    editor.restoreRadarSnapshot(removed)
    expect(editor.sheet!.snapshots.map((snapshot) => snapshot.label)).toEqual(['Un', 'Deux', 'Trois'])
    // Restoring twice does not duplicate it.
    editor.restoreRadarSnapshot(removed)
    expect(editor.sheet!.snapshots).toHaveLength(3)
    expect(editor.removeRadarSnapshot('not-there')).toBeUndefined()
    expect(first.id).not.toBe(second.id)
  })

  it(`refuses a snapshot beyond ${LIMITS.snapshots}`, async () => {
    stored.snapshots = Array.from({ length: LIMITS.snapshots }, (_, index) => takeSnapshot(stored, `n° ${index}`))
    memory = useMemoryStorage([stored])
    const editor = await openEditor()
    expect(editor.takeRadarSnapshot('de trop')).toBeNull()
    expect(editor.sheet!.snapshots).toHaveLength(LIMITS.snapshots)
  })

  it('offers to save the radar of the phase just left, stamped with that phase', async () => {
    const editor = await openEditor()
    editor.setScore('datamining', 'prototype', 2)
    editor.setField('phase', 'prototype')
    expect(editor.phaseLeft).toBe('idee')
    const snapshot = editor.takeRadarSnapshot()
    expect(snapshot?.phase).toBe('idee')
    expect(editor.phaseLeft).toBeNull()
    // The next snapshot is stamped with the current phase again.
    expect(editor.takeRadarSnapshot()?.phase).toBe('prototype')
  })

  it('makes no offer when there is nothing to keep: no score yet, or the same scores already saved', async () => {
    const editor = await openEditor()
    editor.setField('phase', 'prototype')
    expect(editor.phaseLeft).toBeNull()
    editor.setScore('datamining', 'prototype', 2)
    editor.takeRadarSnapshot('Avant')
    editor.setField('phase', 'experimentation')
    expect(editor.phaseLeft).toBeNull()
    editor.setScore('datamining', 'prototype', 1)
    editor.setField('phase', 'generalisation')
    expect(editor.phaseLeft).toBe('experimentation')
    editor.declineSnapshotOffer()
    expect(editor.phaseLeft).toBeNull()
    expect(editor.sheet!.snapshots).toHaveLength(1)
  })
})
