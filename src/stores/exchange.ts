// Export and import of sheet files. Imports go file by file: each file is read and validated entirely, conflicts
// are settled with the person, then its sheets are written in one transaction — or nothing of it is.
// The exchange code (and Zod) is loaded on first use, so the library page opens without it.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ImportProblem } from '@/domain/exchange'
import type { ConflictChoice, ImportConflict } from '@/domain/import-plan'
import type { RatingSource } from '@/domain/rating'
import type { Sheet } from '@/domain/sheet'
import type { Workshop, WorkshopBlock } from '@/domain/workshop'
import type { NeutralNames } from '@/domain/anonymise'
import { sheetsRepository } from '@/storage'
import { useLibraryStore } from './library'
import { useStorageStatusStore } from './storage-status'
import { useWorkshopsStore } from './workshops'

type ImportStage = 'idle' | 'reading' | 'preview' | 'conflict' | 'writing' | 'done'

interface RefusedFile {
  fileName: string
  problems: ImportProblem[]
}

interface ImportTotals {
  added: number
  replaced: number
  skipped: number
  /** Ratings stored beside their sheets (added, or replacing the same rater's earlier one). */
  rated: number
}

/** What a link or QR codes carry, shown before anything is written: the person agrees first. */
export interface ImportPreview {
  source: string
  sheets: { title: string; organisation: string }[]
  workshopTitle: string | null
}

interface ImportOptions {
  intoWorkshop?: string
  /** Ask before writing (a link or QR codes: nobody chose a file, the content arrived with the address). */
  confirmFirst?: boolean
  /**
   * No dialog unless there is something to ask or to refuse: the QR scanner says itself what it received and goes on
   * to the next participant.
   */
  quiet?: boolean
  /** How the sheets arrived, for the ratings made of them. */
  ratingSource?: RatingSource
}

/** What an import did, for a screen that words it itself (the QR scanner). */
export interface ImportReport {
  /** The titles of the sheets the files brought, now in the library (added, replaced or already there). */
  titles: string[]
  refused: boolean
  cancelled: boolean
}

/** What « Copier un lien de partage » offers: the link's fragment, and the file for when a link will not do. */
export interface SharePackage {
  /** The sheets as a payload (domain/share-code), for QR codes. */
  payload: string
  fragment: string
  fileText: string
  fileName: string
  sheetCount: number
  /** The workshop the link carries, if it does. */
  workshopTitle: string | null
}

interface ConflictAnswer {
  choice: ConflictChoice | 'cancel'
  applyToAll: boolean
}

const loadExchange = () => import('@/domain/exchange')

export const useExchangeStore = defineStore('exchange', () => {
  const stage = ref<ImportStage>('idle')
  const currentFile = ref('')
  const refused = shallowRef<RefusedFile[]>([])
  /** Why the last write failed (e.g. a full storage); the dialog words it. */
  const writeError = shallowRef<unknown>(null)
  const cancelled = ref(false)
  const totals = ref<ImportTotals>({ added: 0, replaced: 0, skipped: 0, rated: 0 })
  /** Titles of the workshops the imported files described (created here, or completed). */
  const workshopsReceived = shallowRef<string[]>([])
  /**
   * The workshop an import was made into, and how many sheets joined it — those already in the library (skipped as
   * identical) included: they were not added to the library, but they did join the workshop.
   */
  const joinedWorkshop = shallowRef<{ title: string; joined: number; alreadyStored: number } | null>(null)
  const conflict = shallowRef<ImportConflict | null>(null)
  const conflictPosition = ref({ index: 0, total: 0 })
  /** Files waiting for the import under way to finish. */
  const queued = shallowRef<File[]>([])
  /** The library changed while the person was answering: the questions are asked again. */
  const changedMeanwhile = ref(false)
  const preview = shallowRef<ImportPreview | null>(null)
  let answerConflict: ((answer: ConflictAnswer) => void) | null = null
  let answerPreview: ((consent: boolean) => void) | null = null
  let importedTitles: string[] = []
  let reading: AbortController | null = null

  function reset() {
    stage.value = 'idle'
    currentFile.value = ''
    refused.value = []
    writeError.value = null
    cancelled.value = false
    totals.value = { added: 0, replaced: 0, skipped: 0, rated: 0 }
    workshopsReceived.value = []
    joinedWorkshop.value = null
    conflict.value = null
    preview.value = null
    changedMeanwhile.value = false
  }

  function askPreview(next: ImportPreview): Promise<boolean> {
    preview.value = next
    stage.value = 'preview'
    return new Promise((resolve) => (answerPreview = resolve))
  }

  /** The person's answer to the preview: import what the link or the codes carry, or not. */
  function confirmPreview(consent: boolean) {
    const resolve = answerPreview
    answerPreview = null
    preview.value = null
    resolve?.(consent)
  }

  function askConflict(next: ImportConflict, index: number, total: number): Promise<ConflictAnswer> {
    conflict.value = next
    conflictPosition.value = { index, total }
    stage.value = 'conflict'
    return new Promise((resolve) => (answerConflict = resolve))
  }

  /** The person's answer to the conflict on screen. */
  function answer(choice: ConflictChoice | 'cancel', applyToAll = false) {
    const resolve = answerConflict
    answerConflict = null
    resolve?.({ choice, applyToAll })
  }

  /**
   * Puts the sheets a file brought (added, replaced, kept or copied) in the workshop the file describes, and in the
   * workshop the import was made into.
   */
  async function joinWorkshops(
    memberIds: readonly string[],
    block: WorkshopBlock | undefined,
    intoWorkshop: string | undefined,
    skippedIds: ReadonlySet<string>,
  ) {
    if (!block && !intoWorkshop) return
    const workshops = useWorkshopsStore()
    if (block) {
      const received = await workshops.receive(block, memberIds)
      workshopsReceived.value = [...workshopsReceived.value, received.title]
    }
    if (intoWorkshop) {
      const before = new Set(workshops.find(intoWorkshop)?.sheetIds ?? [])
      await workshops.addSheets(intoWorkshop, memberIds)
      const newcomers = memberIds.filter((id) => !before.has(id))
      const previous = joinedWorkshop.value
      joinedWorkshop.value = {
        title: workshops.find(intoWorkshop)?.title ?? previous?.title ?? '',
        joined: (previous?.joined ?? 0) + newcomers.length,
        alreadyStored: (previous?.alreadyStored ?? 0) + newcomers.filter((id) => skippedIds.has(id)).length,
      }
    }
  }

  /** Returns false when the person cancelled, in which case nothing of this file is written. */
  async function importOneFile(file: File, copyTitle: (title: string) => string, options: ImportOptions): Promise<boolean> {
    const { intoWorkshop } = options
    currentFile.value = file.name
    stage.value = 'reading'
    changedMeanwhile.value = false
    // Created first: "Annuler" may be pressed while the reading code is still loading.
    const cancelReading = new AbortController()
    reading = cancelReading
    const [{ readExchangeFile }, { planImport, resolveImport }] = await Promise.all([
      import('@/services/read-exchange-file'),
      import('@/domain/import-plan'),
    ])
    let result
    try {
      if (cancelReading.signal.aborted) return false
      result = await readExchangeFile(file, cancelReading.signal)
    } catch {
      if (cancelReading.signal.aborted) return false
      refused.value = [...refused.value, { fileName: file.name, problems: [{ kind: 'read-failed' }] }]
      return true
    } finally {
      reading = null
    }
    if (!result.ok) {
      refused.value = [...refused.value, { fileName: file.name, problems: result.problems }]
      return true
    }
    if (options.confirmFirst) {
      const consent = await askPreview({
        source: file.name,
        sheets: result.sheets.map((sheet) => ({ title: sheet.project.title, organisation: sheet.organisation })),
        workshopTitle: result.workshop?.title ?? null,
      })
      if (!consent) return false
    }

    const repository = sheetsRepository()
    const ids = result.sheets.map((sheet) => sheet.id)
    // The person compares against the library as it is now; if it changes before the answers are written (an
    // edit in another tab, another import), the write is refused and the questions are asked again.
    for (;;) {
      const [local, revisions] = await Promise.all([repository.getMany(ids), repository.revisions(ids)])
      const plan = planImport(result.sheets, new Map(local.map((sheet) => [sheet.id, sheet])))
      const choices = new Map<string, ConflictChoice>()
      let forAll: ConflictChoice | null = null
      for (const [index, item] of plan.conflicts.entries()) {
        // « Ajouter comme avis » for all applies to the sheets scored otherwise; the others are asked.
        if (forAll === null || (forAll === 'rating' && !item.scoresDiffer)) {
          const { choice, applyToAll } = await askConflict(item, index + 1, plan.conflicts.length)
          if (choice === 'cancel') return false
          if (applyToAll) forAll = choice
          choices.set(item.incoming.id, choice)
        } else choices.set(item.incoming.id, forAll)
      }
      conflict.value = null

      const outcome = resolveImport(plan, choices, copyTitle, { source: options.ratingSource ?? 'fichier', now: new Date() })
      const compared = new Set(ids)
      const expectedRevisions = new Map(
        outcome.toWrite.filter((sheet) => compared.has(sheet.id)).map((sheet) => [sheet.id, revisions.get(sheet.id) ?? null]),
      )
      stage.value = 'writing'
      let written
      try {
        written = await repository.importSheets(outcome.toWrite, { expectedRevisions, ratings: outcome.ratings })
      } catch (error) {
        writeError.value = error
        return false
      }
      if (!written.ok) {
        changedMeanwhile.value = true
        continue
      }
      totals.value = {
        added: totals.value.added + outcome.added,
        replaced: totals.value.replaced + outcome.replaced,
        // A file received twice brings its rating once: counted as already there.
        skipped: totals.value.skipped + outcome.skipped + written.ratings.duplicate,
        rated: totals.value.rated + written.ratings.added + written.ratings.replaced,
      }
      // The file's sheets as they now stand here: its own ids (added, replaced or kept) and any copies made.
      const writtenIds = new Set(outcome.toWrite.map((sheet) => sheet.id))
      const alreadyStored = new Set(ids.filter((id) => !writtenIds.has(id)))
      await joinWorkshops([...new Set([...ids, ...writtenIds])], result.workshop, intoWorkshop, alreadyStored)
      importedTitles.push(...result.sheets.map((sheet) => sheet.project.title))
      return true
    }
  }

  /**
   * Imports one or many files; the dialog follows `stage`. Files given while an import is under way (dropped during
   * a conflict question, say) wait their turn and are imported right after, in the same dialog.
   */
  async function importFiles(
    files: readonly File[],
    copyTitle: (title: string) => string,
    options: ImportOptions = {},
  ): Promise<ImportReport | undefined> {
    if (files.length === 0) return
    if (stage.value !== 'idle' && stage.value !== 'done') {
      queued.value = [...queued.value, ...files]
      return
    }
    reset()
    importedTitles = []
    queued.value = [...files]
    while (queued.value.length > 0) {
      const [file, ...rest] = queued.value
      queued.value = rest
      const goOn = await importOneFile(file!, copyTitle, options)
      if (!goOn) {
        cancelled.value = writeError.value === null
        // Cancelling stops the whole import, including the files waiting.
        queued.value = []
        break
      }
    }
    stage.value = 'done'
    if (totals.value.added + totals.value.replaced > 0) void useStorageStatusStore().ensurePersistence()
    await useLibraryStore().load()
    const report = { titles: importedTitles, refused: refused.value.length > 0, cancelled: cancelled.value || writeError.value !== null }
    if (options.quiet && !report.refused && !report.cancelled) reset()
    return report
  }

  /**
   * Imports what a share link or QR codes carried (a payload, see domain/share-code), after the person agreed to the
   * preview; `source` names it in the dialog (« Lien de partage »). A link cut or altered on its way (`'damaged'`)
   * is refused like a broken file, and nothing is written.
   */
  async function importSharedPayload(
    payload: string | 'damaged',
    source: string,
    copyTitle: (title: string) => string,
    options: { intoWorkshop?: string } = {},
  ) {
    if (stage.value !== 'idle' && stage.value !== 'done') return
    const { decodePayload } = await import('@/domain/share-code')
    const decoded = payload === 'damaged' ? ({ ok: false, problem: 'damaged' } as const) : await decodePayload(payload)
    if (!decoded.ok) {
      reset()
      refused.value = [{ fileName: source, problems: [{ kind: decoded.problem === 'too-large' ? 'share-too-large' : 'share-damaged' }] }]
      stage.value = 'done'
      return
    }
    const file = new File([decoded.bytes as Uint8Array<ArrayBuffer>], source, { type: 'application/json' })
    await importFiles([file], copyTitle, { ...options, confirmFirst: true, ratingSource: 'lien' })
  }

  /** "Annuler l'import": stops reading the current file, or answers the open question with "cancel". */
  function cancel() {
    if (stage.value === 'preview') confirmPreview(false)
    else if (stage.value === 'conflict') answer('cancel')
    else if (stage.value === 'reading') reading?.abort()
  }

  /**
   * The sheets as they leave the browser: with `names` (« sans les noms des personnes »), people's names replaced
   * by those neutral words (domain/anonymise). The stakeholders' roles are the editor's words: loaded first.
   */
  async function outgoing(sheets: readonly Sheet[], names: NeutralNames | undefined): Promise<readonly Sheet[]> {
    if (!names) return sheets
    const [{ withoutPersonNames }] = await Promise.all([import('@/domain/anonymise'), import('@/i18n/sheet-messages')])
    return sheets.map((sheet) => withoutPersonNames(sheet, names))
  }

  /** A workshop's block as it leaves the browser (its facilitator's name left out with `names`). */
  async function outgoingWorkshop(workshop: Workshop, names: NeutralNames | undefined) {
    const [{ workshopBlock }, { workshopWithoutNames }] = await Promise.all([import('@/domain/workshop'), import('@/domain/anonymise')])
    return names ? workshopWithoutNames(workshopBlock(workshop), names) : workshopBlock(workshop)
  }

  /** Downloads these sheets as one file; returns its name. */
  async function downloadSheets(sheets: readonly Sheet[], names?: NeutralNames, now = new Date()): Promise<string> {
    const [{ serializeSheets }, { sheetsFileName }, { downloadText }, leaving] = await Promise.all([
      loadExchange(),
      import('@/domain/file-names'),
      import('@/services/download'),
      outgoing(sheets, names),
    ])
    const fileName = sheetsFileName(sheets, now)
    downloadText(fileName, serializeSheets(leaving, now))
    return fileName
  }

  /**
   * Downloads the given stored sheets (or the whole library): one file, or several when they would not import
   * back as one (more than 10,000 sheets, or above about 45 MB). Returns the file names. The whole library is a
   * backup: it keeps every name, so that restoring it gives everything back; `names` applies to chosen sheets.
   */
  async function exportSheets(ids: readonly string[] | 'all', names?: NeutralNames): Promise<string[]> {
    const repository = sheetsRepository()
    const sheets = ids === 'all' ? await repository.getAll() : await outgoing(await repository.getMany(ids), names)
    if (sheets.length === 0) return []
    const [{ serializeSheets, splitForExport }, { sheetsFileName }, { downloadText }] = await Promise.all([
      loadExchange(),
      import('@/domain/file-names'),
      import('@/services/download'),
    ])
    const now = new Date()
    const parts = splitForExport(sheets)
    const fileNames = parts.map((part, index) => sheetsFileName(part, now, { index: index + 1, total: parts.length }))
    parts.forEach((part, index) => downloadText(fileNames[index]!, serializeSheets(part, now)))
    if (ids === 'all') useStorageStatusStore().recordBackup(now)
    return fileNames
  }

  /**
   * These sheets (and the workshop they belong to) ready to share without a server: the fragment of a share link,
   * and the same file an export writes, for the system's share sheet or when the link is too long.
   */
  async function prepareShare(
    sheets: readonly Sheet[],
    workshop?: Workshop,
    names?: NeutralNames,
    now = new Date(),
  ): Promise<SharePackage> {
    const [{ serializeSheets }, { sheetsFileName, workshopFileName }, { encodePayload, shareFragment }, leaving, block] = await Promise.all([
      loadExchange(),
      import('@/domain/file-names'),
      import('@/domain/share-code'),
      outgoing(sheets, names),
      workshop ? outgoingWorkshop(workshop, names) : undefined,
    ])
    const fileText = serializeSheets(leaving, now, block)
    const payload = await encodePayload(fileText)
    return {
      payload,
      fragment: shareFragment(payload),
      fileText,
      fileName: workshop ? workshopFileName(workshop.title, 'json') : sheetsFileName(sheets, now),
      sheetCount: sheets.length,
      workshopTitle: workshop?.title ?? null,
    }
  }

  /** A workshop as one file: its sheets, in the workshop's order, under the envelope's `workshop` block. */
  async function exportWorkshop(workshop: Workshop, names?: NeutralNames, now = new Date()): Promise<string> {
    const [sheets, { serializeSheets }, { workshopFileName }, block, { downloadText }] = await Promise.all([
      useLibraryStore().getSheets(workshop.sheetIds),
      loadExchange(),
      import('@/domain/file-names'),
      outgoingWorkshop(workshop, names),
      import('@/services/download'),
    ])
    const fileName = workshopFileName(workshop.title, 'json')
    downloadText(fileName, serializeSheets(await outgoing(sheets, names), now, block))
    return fileName
  }

  /**
   * What a spreadsheet (CSV) of these sheets holds, in this order: the sheets as they leave this browser, and the
   * file's name, a selection's or the workshop's. The view writes the columns in its words. Null when none of the
   * sheets is stored any more.
   */
  async function spreadsheetOf(
    ids: readonly string[],
    workshop?: Workshop,
    names?: NeutralNames,
  ): Promise<{ fileName: string; sheets: readonly Sheet[] } | null> {
    const [sheets, { sheetsSpreadsheetFileName, workshopFileName }] = await Promise.all([
      useLibraryStore().getSheets(ids),
      import('@/domain/file-names'),
    ])
    if (sheets.length === 0) return null
    const fileName = workshop ? workshopFileName(workshop.title, 'csv') : sheetsSpreadsheetFileName(new Date())
    return { fileName, sheets: await outgoing(sheets, names) }
  }

  return {
    exportWorkshop,
    spreadsheetOf,
    prepareShare,
    workshopsReceived,
    joinedWorkshop,
    stage,
    currentFile,
    refused,
    writeError,
    cancelled,
    totals,
    conflict,
    conflictPosition,
    preview,
    confirmPreview,
    importSharedPayload,
    queued,
    changedMeanwhile,
    reset,
    answer,
    cancel,
    importFiles,
    downloadSheets,
    exportSheets,
  }
})
