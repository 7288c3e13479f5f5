// Keeps the sheet being edited safe in storage while the person types. It owns everything that is about storage
// and time, not about the sheet's content (that is the edit session, domain/edit-session.ts):
//   - the stored revision the edits are based on, so a save made on an older version is refused, not written over;
//   - the save queue: autosave after a pause, never more than a second behind, one write after another, retried
//     by itself after a failure;
//   - the draft (what is typed but not valid yet, stored beside the sheet) and the rescue copy (written at once to
//     localStorage, for a browser that quits without a word);
//   - other tabs: their saves are merged field by field, a clash is put to the person, a deletion is said.
// It is plain TypeScript: the editor store shows what it reports (SaveStatus) and the session it puts on screen.
import type { Sheet } from '@/domain/sheet'
import { copyKeys, keysFor, type RowKeys } from '@/domain/sheet-edit'
import {
  fingerprint,
  holdsMoreThan,
  isUnchanged,
  mergedSession,
  replacedWorkingCopy,
  resumedSession,
  sessionOnStored,
  type EditSession,
} from '@/domain/edit-session'
import { changedFields, mergeSheets, settleConflicts, type FieldConflict, type SheetMerge } from '@/domain/sheet-merge'
import { crc32 } from '@/domain/png-chunk'
import { savableSheet } from '@/domain/savable-sheet'
import { isSaveConflict, isSaveDeleted, type SheetsRepository, type StoredSheet } from './sheets-repository'
import { clearRescueCopy, readRescueCopy, writeRescueCopy, type RescueCopy } from './rescue-copy'

/**
 * saved: everything typed is stored. invalid: stored, except fields that still need fixing (kept as a draft).
 * pending / saving: a save is coming or under way. conflict: another tab changed the sheet. deleted: another tab
 * deleted it (the edits stay here until the person restores it). error: the write failed.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict' | 'deleted'

/** What the page says about the sheet's storage. The saver changes it; the page may make it reactive. */
export interface SaveStatus {
  status: 'idle' | 'loading' | 'ready' | 'not-found' | 'error'
  loadError: unknown
  saveState: SaveState
  saveError: unknown
  lastSavedAt: Date | null
  /** When the sheet came from a file, as long as it was not changed here: its status says « Importée le … ». */
  importedAt: Date | null
  /** Fields still to fix were found in a draft and restored. */
  draftRestored: boolean
  /** Typing found in the rescue copy, not stored when the page went away: it is being saved now. */
  unsavedRestored: boolean
  /** Unsaved edits made from an older version (e.g. in another tab), offered rather than applied. */
  staleDraft: Sheet | null
  /** The version saved in another tab that clashes with this tab's edits, until the person chooses. */
  conflict: Sheet | null
  /** The fields changed both here and in the other tab, with both values, until the person chooses. */
  conflictFields: FieldConflict[]
  /** True after this tab took a newer version saved in another tab. */
  refreshedFromElsewhere: boolean
  /** The fields another tab changed, taken here (with this tab's own edits kept when they were elsewhere). */
  changedElsewhere: string[]
  /** Whether this tab had edits of its own when it took them (they were merged, field by field). */
  mergedWithMine: boolean
  /** The sheet was deleted elsewhere while open here; the working copy is kept until the person decides. */
  deletedElsewhere: boolean
}

export function initialSaveStatus(): SaveStatus {
  return {
    status: 'idle',
    loadError: null,
    saveState: 'saved',
    saveError: null,
    lastSavedAt: null,
    importedAt: null,
    draftRestored: false,
    unsavedRestored: false,
    staleDraft: null,
    conflict: null,
    conflictFields: [],
    refreshedFromElsewhere: false,
    changedElsewhere: [],
    mergedWithMine: false,
    deletedElsewhere: false,
  }
}

/** Where the session being edited is shown. */
export interface SessionSlot {
  /** The session on screen, as plain data (no reactive proxy): the saver copies it and hands it to storage. */
  current(): EditSession | null
  /** Puts another session on screen, or none. */
  show(session: EditSession | null): void
  /** Whether the working copy has fields to fix (the page works it out once per change). */
  hasIssues(): boolean
}

export interface SheetSaverOptions {
  /** The repository, asked for at each use (the page opens its database on first use). */
  repository: () => SheetsRepository
  slot: SessionSlot
  /** The object to report in (the page passes a reactive one); a plain one by default. */
  status?: SaveStatus
  /** Called after each write that reached storage (the page asks the browser to keep its data). */
  onStored?: () => void
}

/** How long typing must pause before a save. */
const AUTOSAVE_DELAY_MS = 500
/**
 * How long an edit may wait for that pause: typing that never pauses (a description written in one go) is still
 * saved every second, so a crash or a dead battery takes at most the last second of typing.
 */
const AUTOSAVE_MAX_WAIT_MS = 1000
/** After a failed write, the next tries: soon, then every half-minute. */
const RETRY_DELAYS_MS = [2000, 5000, 10_000, 30_000]

/** A short check of a sheet's content, to recognise a stored version in a rescue copy without holding it twice. */
function contentCrc(sheet: Sheet): number {
  return crc32(new TextEncoder().encode(fingerprint(sheet)))
}

export class SheetSaver {
  readonly status: SaveStatus
  private readonly slot: SessionSlot
  private readonly repository: () => SheetsRepository
  private readonly onStored: () => void

  // The working copy as last written (as the sheet or as its draft): an unchanged copy is not written again.
  private writtenFingerprint = ''
  // The revision of the session's base: saves are based on it, and refused if storage has moved on.
  private storedRevision = 0
  private conflictRevision = 0
  // The merge behind the conflict on screen: settled by the person, its other fields are kept either way.
  private pendingMerge: { merge: SheetMerge; theirs: StoredSheet } | null = null
  // Whether the person changed anything since opening the sheet (a new sheet left untouched is discarded).
  private editedSinceOpen = false
  private stopObserving: (() => void) | undefined
  // Saves run one after another, so an older copy can never overwrite a newer one.
  private saving: Promise<void> = Promise.resolve()
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined
  // When the oldest edit not yet saved was made: no edit waits longer than AUTOSAVE_MAX_WAIT_MS.
  private firstPendingAt: number | undefined
  // After a failed write: the next try, and how many were made.
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private retries = 0
  // This page, as the writer of its rescue copies: another tab's save never removes them.
  private readonly pageId = crypto.randomUUID()
  private rescueQueued = false
  // The save under way, as rescue copies written meanwhile describe it.
  private savingNow: RescueCopy['saving']

  constructor(options: SheetSaverOptions) {
    this.repository = options.repository
    this.slot = options.slot
    this.status = options.status ?? initialSaveStatus()
    this.onStored = options.onStored ?? (() => undefined)
  }

  /** Opens a sheet: its stored version, with a draft or a rescue copy taken up again when one applies. */
  async open(id: string): Promise<void> {
    const status = this.status
    if (this.slot.current()?.working.id === id && status.status === 'ready') return
    // A save of the sheet left a moment ago may still be running: read what it writes, not what it replaces.
    await this.saving
    status.status = 'loading'
    this.slot.show(null)
    this.editedSinceOpen = false
    status.draftRestored = false
    status.unsavedRestored = false
    status.deletedElsewhere = false
    try {
      const repository = this.repository()
      const [base, draft] = await Promise.all([repository.getStored(id), repository.getDraft(id)])
      // Loaded now, so that a save started as the page goes away opens its transaction at once.
      await repository.prepareToSave()
      if (!base) {
        status.status = 'not-found'
        return
      }
      // Drafts written before revisions carry the stored updatedAt they were made from.
      const draftBase = draft?.baseRevision ?? (draft?.baseUpdatedAt === base.sheet.updatedAt ? base.revision : -1)
      const currentDraft = draft && draftBase === base.revision ? draft : undefined
      // The copy written as the page went away last time holds the latest typing, if its save did not land.
      const rescued = readRescueCopy(id)
      const currentRescue = rescued && this.rescueApplies(rescued, base) ? rescued : undefined
      const stale = (rescued && !currentRescue ? rescued.content : undefined) ?? (draft && !currentDraft ? draft.content : undefined)
      status.staleDraft = stale ?? null
      status.conflict = null
      status.refreshedFromElsewhere = false
      // A draft holding nothing the sheet lacks (a text differing by a trailing space) is dropped, not restored.
      const keptDraft = currentDraft && holdsMoreThan(currentDraft.content, base.sheet) ? currentDraft : undefined
      if (currentDraft && !keptDraft) void repository.discardDraft(id)
      const saved = currentRescue ?? keptDraft
      if (saved) {
        status.importedAt = null
        this.show(resumedSession(saved.content, saved.rowKeys, base.sheet), base.revision)
      } else this.showStored(base)
      // Said only when true: fields still to fix (a draft), or typing that had not reached storage (the rescue copy,
      // saved now) — never for a draft that differs from the sheet only by a trailing space.
      const unstored = currentRescue !== undefined && holdsMoreThan(currentRescue.content, base.sheet)
      status.draftRestored = saved !== undefined && this.slot.hasIssues()
      status.unsavedRestored = unstored && !this.slot.hasIssues()
      status.lastSavedAt = new Date(saved?.savedAt ?? base.sheet.updatedAt)
      // Typing from the rescue copy is not stored yet: the status says so until its save lands.
      status.saveState = unstored ? 'pending' : saved ? this.settledState() : 'saved'
      status.status = 'ready'
      if (currentRescue) {
        // What the rescue copy holds may not be in IndexedDB yet: store it now (the copy is this page's from now).
        this.writtenFingerprint = ''
        this.rescue()
        void this.save()
      }
      this.stopObserving?.()
      this.stopObserving = repository.observeSheet(id, (update) => this.onStoredChange(update))
    } catch (error) {
      status.loadError = error
      status.status = 'error'
    }
  }

  /** Stops timers and listening; the session leaves the screen. A save under way still completes. */
  close(): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.retries = 0
    clearTimeout(this.autosaveTimer)
    this.autosaveTimer = undefined
    this.firstPendingAt = undefined
    this.stopObserving?.()
    this.stopObserving = undefined
    this.status.conflict = null
    this.status.conflictFields = []
    this.pendingMerge = null
    this.slot.show(null)
    this.status.status = 'idle'
  }

  /**
   * The working copy just changed: the rescue copy is written within this task, and a save is planned after a
   * pause in the typing, or at the latest a second after the oldest edit not yet saved.
   */
  noteEdit(): void {
    const session = this.slot.current()
    if (!session) return
    this.editedSinceOpen = true
    // A conflict or a deletion elsewhere keeps saying so: typing on does not make the edits savable.
    if (!this.status.conflict && !this.status.deletedElsewhere && fingerprint(session.working) !== this.writtenFingerprint)
      this.status.saveState = 'pending'
    this.rescueSoon()
    const now = Date.now()
    this.firstPendingAt ??= now
    clearTimeout(this.autosaveTimer)
    const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, this.firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now))
    this.autosaveTimer = setTimeout(() => void this.save(), delay)
  }

  /** Writes the current working copy (and its draft), after any save already under way. */
  save(): Promise<void> {
    clearTimeout(this.autosaveTimer)
    this.autosaveTimer = undefined
    this.firstPendingAt = undefined
    const session = this.slot.current()
    if (!session) return this.saving
    // Copied now: later typing must not leak into this write.
    const working = structuredClone(session.working)
    const keys = copyKeys(session.keys)
    this.saving = this.saving.then(() => this.writeWorkingCopy(working, keys))
    return this.saving
  }

  /** Saves now what is waiting for the autosave delay (leaving the page, exporting). */
  flush(): Promise<void> {
    return this.autosaveTimer === undefined ? this.saving : this.save()
  }

  /** Whether leaving now could lose something: a save not finished, failed or refused. */
  hasUnsavedChanges(): boolean {
    return this.slot.current() !== null && ['pending', 'saving', 'error', 'conflict', 'deleted'].includes(this.status.saveState)
  }

  /**
   * A synchronous copy of what IndexedDB may not have received yet, written on every change and as the page goes:
   * a browser that quits gives the page no event to write it then.
   */
  rescue(): void {
    const session = this.slot.current()
    if (!session) return
    if (fingerprint(session.working) === this.writtenFingerprint && this.status.saveState !== 'deleted') {
      // Back to what is stored (an undo, then a redo): a copy written in between would bring the undone text back.
      this.clearOwnRescueCopy(session.working.id, this.storedRevision)
      return
    }
    // Turned into JSON at once: no copy of the sheet is needed.
    writeRescueCopy({
      content: session.working,
      rowKeys: { draft: session.keys, stored: session.baseKeys },
      baseRevision: this.storedRevision,
      savedAt: new Date().toISOString(),
      writer: this.pageId,
      saving: this.savingNow,
    })
  }

  /**
   * Moves a new sheet to the trash if it was never changed: not in this visit, and never saved since its creation
   * (a reload keeps the « nouvelle » address, so the visit alone does not tell).
   */
  async discardIfUntouched(): Promise<void> {
    const session = this.slot.current()
    if (!session || this.editedSinceOpen || this.status.saveState !== 'saved') return
    // Written since its creation (the revision says so even when the save fell in the same millisecond).
    if (session.base.updatedAt !== session.base.createdAt || this.storedRevision > 1) return
    await this.repository().remove(session.working.id)
  }

  /** Brings back unsaved edits made from an older version; the person then chooses between the two. */
  restoreStaleDraft(): void {
    const draft = this.status.staleDraft
    const session = this.slot.current()
    if (!draft || !session) return
    this.status.staleDraft = null
    this.pendingMerge = null
    this.status.conflictFields = []
    this.status.conflict = session.base
    this.conflictRevision = this.storedRevision
    this.show(replacedWorkingCopy(session, draft), this.storedRevision)
    this.status.saveState = 'conflict'
  }

  /**
   * The person's answer to « cette fiche a été modifiée dans un autre onglet ». After a merge, only the fields
   * changed on both sides take the chosen side; every other edit, of either side, is kept.
   */
  async resolveConflict(keep: 'mine' | 'theirs'): Promise<void> {
    const theirs = this.status.conflict
    const session = this.slot.current()
    if (!theirs || !session) return
    if (this.pendingMerge) {
      const { merge, theirs: theirsStored } = this.pendingMerge
      this.adoptMerged(settleConflicts(merge, keep), theirsStored)
      await this.save()
      return
    }
    this.status.conflict = null
    this.status.conflictFields = []
    if (keep === 'theirs') {
      this.showStored({ sheet: theirs, revision: this.conflictRevision })
      this.status.saveState = 'saved'
      await this.repository().discardDraft(theirs.id)
      clearRescueCopy(theirs.id)
    } else {
      // Mine is written over theirs: their rows are not ours, so they get keys of their own. The base is storage's
      // business (nothing on screen reads it): it is changed in place.
      session.base = theirs
      session.baseKeys = keysFor(theirs)
      this.storedRevision = this.conflictRevision
      this.writtenFingerprint = ''
      await this.save()
    }
  }

  /** Writes the working copy back as the sheet, after it was deleted elsewhere (« Restaurer la fiche »). */
  async restoreDeleted(): Promise<void> {
    if (!this.status.deletedElsewhere || !this.slot.current()) return
    this.status.deletedElsewhere = false
    this.storedRevision = -1
    this.writtenFingerprint = ''
    this.status.saveState = 'pending'
    await this.save()
  }

  private settledState(): SaveState {
    return this.slot.hasIssues() ? 'invalid' : 'saved'
  }

  private show(session: EditSession, revision: number): void {
    this.slot.show(session)
    this.storedRevision = revision
    this.writtenFingerprint = fingerprint(session.working)
  }

  /** Takes a stored version as both the base and the working copy (opening, or taking another tab's version). */
  private showStored({ sheet, revision, importedAt }: StoredSheet): void {
    this.status.importedAt = importedAt ? new Date(importedAt) : null
    this.show(sessionOnStored(sheet), revision)
  }

  /** Another tab (or a later write of ours) changed the stored sheet, or deleted it. */
  private onStoredChange(update: StoredSheet | undefined): void {
    const session = this.slot.current()
    const status = this.status
    if (!session) return
    if (!update) {
      // Deleted elsewhere: nothing here is thrown away; the person is told and may restore it.
      if (status.status === 'ready' && status.saveState !== 'saving') {
        status.deletedElsewhere = true
        status.saveState = 'deleted'
      }
      return
    }
    if (update.sheet.id !== session.working.id) return
    // Our own save is under way: its result, not this notification, moves the base.
    if (status.saveState === 'saving' || update.revision === this.storedRevision) return
    status.deletedElsewhere = false
    if (status.saveState === 'saved' && isUnchanged(session)) {
      status.changedElsewhere = changedFields(session.base, update.sheet)
      status.mergedWithMine = false
      this.showStored(update)
      status.refreshedFromElsewhere = true
      // The offer is re-read on the next opening: the draft may be gone, saved by the tab that made it.
      status.staleDraft = null
    } else if (this.mergeWith(update)) void this.save()
  }

  /**
   * Another version was stored meanwhile (another tab's save): this tab's edits are merged into it field by field
   * against the version both started from. Returns true when nothing conflicted — the merged copy is then on screen,
   * to be saved over the other version; otherwise the person is asked about the fields changed on both sides.
   */
  private mergeWith(theirs: StoredSheet): boolean {
    const session = this.slot.current()
    if (!session) return false
    const merge = mergeSheets(session.base, structuredClone(session.working), theirs.sheet)
    if (merge.conflicts.length > 0) {
      this.pendingMerge = { merge, theirs }
      this.status.conflictFields = merge.conflicts
      this.status.conflict = theirs.sheet
      this.conflictRevision = theirs.revision
      this.status.saveState = 'conflict'
      return false
    }
    this.adoptMerged(merge.merged, theirs)
    this.status.changedElsewhere = merge.fromTheirs
    this.status.mergedWithMine = true
    this.status.refreshedFromElsewhere = merge.fromTheirs.length > 0
    return true
  }

  /** Shows a merged copy as the working copy, on top of the other version as the base; not written yet. */
  private adoptMerged(merged: Sheet, theirs: StoredSheet): void {
    const session = this.slot.current()
    if (!session) return
    this.show(mergedSession(session, merged, theirs.sheet), theirs.revision)
    this.status.importedAt = null
    this.writtenFingerprint = ''
    this.status.conflict = null
    this.status.conflictFields = []
    this.pendingMerge = null
    this.status.saveState = 'pending'
    // The rescue copy now holds the merge, on its new base.
    this.rescue()
  }

  /**
   * Whether a rescue copy holds edits made on the stored version: made from it, or from the version before while a
   * save of ours was writing it (the browser quit between its commit and the page hearing of it).
   */
  private rescueApplies(copy: RescueCopy, base: StoredSheet): boolean {
    if (copy.baseRevision === base.revision) return true
    const saving = copy.saving
    if (!saving || saving.revision !== base.revision || saving.contentCrc !== contentCrc(base.sheet)) return false
    copy.baseRevision = base.revision
    copy.rowKeys = { draft: copy.rowKeys.draft, stored: saving.storedKeys }
    return true
  }

  /** Removes the rescue copy once its content is stored at `revision`, unless it is another live tab's typing. */
  private clearOwnRescueCopy(id: string, revision: number): void {
    clearRescueCopy(id, (copy) => copy.writer !== this.pageId && copy.writer !== undefined && copy.baseRevision >= revision - 1)
  }

  /** One rescue copy per task, however many fields one input event changed. */
  private rescueSoon(): void {
    if (this.rescueQueued) return
    this.rescueQueued = true
    queueMicrotask(() => {
      this.rescueQueued = false
      this.rescue()
    })
  }

  /**
   * Writes one copy of the working copy: every valid edit as the sheet, what is not valid yet as its draft. Until
   * the person settles a conflict or restores a sheet deleted elsewhere, nothing is written over the other side.
   */
  private async writeWorkingCopy(working: Sheet, keys: RowKeys): Promise<void> {
    const repository = this.repository()
    const status = this.status
    const session = this.slot.current()
    if (!session || session.base.id !== working.id) return
    const { base, baseKeys } = session
    const workingPrint = fingerprint(working)
    if (status.conflict) {
      await repository.saveDraft(working, this.storedRevision, { draft: keys, stored: baseKeys })
      return
    }
    // Deleted elsewhere: nothing can be written until the person restores it (the rescue copy keeps the edits).
    if (status.deletedElsewhere) return
    if (workingPrint === this.writtenFingerprint) {
      if (status.saveState === 'pending') status.saveState = this.settledState()
      return
    }
    const recreating = this.storedRevision < 0
    const next = savableSheet(working, keys, base, baseKeys)
    const keepDraft = holdsMoreThan(working, next.sheet)
    status.saveState = 'saving'
    try {
      if (!recreating && fingerprint(next.sheet) === fingerprint(base)) {
        // Nothing new that is valid: only the draft changes.
        if (keepDraft) await repository.saveDraft(working, this.storedRevision, { draft: keys, stored: baseKeys })
        else await repository.discardDraft(working.id)
      } else {
        if (!recreating) {
          // Rescue copies written from now on say which version this save writes, in case it commits unheard.
          this.savingNow = { revision: this.storedRevision + 1, contentCrc: contentCrc(next.sheet), storedKeys: copyKeys(next.keys) }
          this.rescue()
        }
        const result = await repository
          .save(next.sheet, {
            expectedRevision: recreating ? null : this.storedRevision,
            draft: keepDraft ? { content: working, rowKeys: { draft: keys, stored: next.keys } } : undefined,
          })
          .finally(() => (this.savingNow = undefined))
        if (isSaveConflict(result)) {
          // Stored elsewhere meanwhile: merge field by field; only the same field changed on both sides asks.
          if (this.mergeWith({ sheet: result.conflict, revision: result.revision })) {
            void this.save()
            return
          }
          await repository.saveDraft(working, this.storedRevision, { draft: keys, stored: baseKeys })
          return
        }
        if (isSaveDeleted(result)) {
          status.deletedElsewhere = true
          status.saveState = 'deleted'
          return
        }
        if (!result.ok) throw new Error('The savable sheet did not validate')
        this.storedRevision = result.revision ?? this.storedRevision + 1
        status.importedAt = null
        const now = this.slot.current()
        if (now?.working.id === working.id) {
          // The new base, changed in place: nothing on screen reads it or the stamp, so no view is redrawn for them.
          now.base = result.sheet
          now.baseKeys = next.keys
          now.working.updatedAt = result.sheet.updatedAt
        }
        this.onStored()
      }
      const savedFrom = this.storedRevision
      this.writtenFingerprint = workingPrint
      const current = this.slot.current()
      // Safely in IndexedDB (the transaction committed): the last-resort copy is no longer needed — unless the
      // person typed on meanwhile (it is written again, on the new revision) or it is another tab's typing.
      if (!current || fingerprint(current.working) === workingPrint) this.clearOwnRescueCopy(working.id, savedFrom)
      else this.rescue()
      status.lastSavedAt = new Date()
      status.saveError = null
      this.retries = 0
      // Edits typed while this save ran are still pending.
      status.saveState = current && fingerprint(current.working) !== workingPrint ? 'pending' : this.settledState()
    } catch (error) {
      status.saveState = 'error'
      status.saveError = error
      this.retryLater()
    }
  }

  /**
   * A failed write (a full disk, storage busy) is tried again by itself, more and more rarely: when room comes back
   * the edits are stored without waiting for the person's next key.
   */
  private retryLater(): void {
    clearTimeout(this.retryTimer)
    const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)]!
    this.retries += 1
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      if (this.status.saveState !== 'error' || !this.slot.current()) return
      this.writtenFingerprint = ''
      void this.save()
    }, delay)
  }
}
