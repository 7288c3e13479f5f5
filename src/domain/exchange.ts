// The exchange format between collectivities (docs/exchange-format.md): the envelope, its serializer and the parser
// that turns an untrusted file into valid sheets or into errors a person can act on. Nothing here touches storage.
import { z } from 'zod'
import { toFieldIssues, type FieldIssue } from './field-issues'
import { CURRENT_FORMAT_VERSION, migrate, type RawEnvelope } from './migrations'
import { sheetSchema, type Sheet } from './sheet'
import { workshopBlockSchema, type WorkshopBlock } from './workshop-schema'

export const FORMAT_ID = 'fiche-projet-data'
export const MAX_FILE_BYTES = 50 * 1024 * 1024
export const MAX_SHEETS_PER_FILE = 10_000
/** Far deeper than any real sheet (about 6 levels); refusing deeper input keeps cloning and storage safe. */
export const MAX_NESTING_DEPTH = 32

export const envelopeSchema = z.object({
  format: z.literal(FORMAT_ID),
  version: z.literal(CURRENT_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  workshop: workshopBlockSchema.optional(),
  sheets: z.array(sheetSchema).min(1).max(MAX_SHEETS_PER_FILE),
})

export type Envelope = z.output<typeof envelopeSchema>

/** Why a file cannot be imported at all, before looking at its sheets. */
export type FileProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'not-json' }
  | { kind: 'too-deep' }
  | { kind: 'not-our-format' }
  | { kind: 'bad-version' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'bad-exported-at' }
  | { kind: 'bad-workshop' }
  | { kind: 'no-sheets' }
  | { kind: 'too-many-sheets'; count: number }
  | { kind: 'not-utf8' }
  | { kind: 'read-failed' }
  /** The file was read, but the browser ran out of memory handing its sheets over: split it and try again. */
  | { kind: 'out-of-memory' }
  | { kind: 'png-without-sheet' }
  | { kind: 'png-corrupt' }
  | { kind: 'png-sheet-too-large' }
  | { kind: 'png-sheet-unreadable' }
  /** A share link or QR transfer cut or altered on its way (its checksum or its compression does not hold). */
  | { kind: 'share-damaged' }
  /** A share link whose content would inflate beyond the 50 MB an imported file may weigh. */
  | { kind: 'share-too-large' }

export interface SheetProblem {
  kind: 'sheet'
  /** 1-based, as a person counts. */
  sheetNumber: number
  /** The title as found in the file, when it is a usable string. */
  sheetTitle: string | null
  issue: FieldIssue
}

export type ImportProblem = FileProblem | SheetProblem

export type ParseResult =
  | { ok: true; sheets: Sheet[]; /** The file's workshop block, when it has one. */ workshop?: WorkshopBlock }
  | { ok: false; problems: ImportProblem[] }

const fail = (problem: FileProblem): ParseResult => ({ ok: false, problems: [problem] })

/** Deepest nesting of arrays/objects, walked without recursion so hostile input cannot overflow the stack. */
export function exceedsDepth(value: unknown, limit = MAX_NESTING_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return false
}

function titleOf(candidate: unknown): string | null {
  const title = (candidate as { project?: { title?: unknown } } | null)?.project?.title
  return typeof title === 'string' && title.trim() !== '' ? title.trim().slice(0, 200) : null
}

/** Parses the text of a file: JSON, format, version, migration, then every sheet. Never throws on bad input. */
export function parseExchangeFile(text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) return fail({ kind: 'too-large', bytes: text.length })
  if (text.trim() === '') return fail({ kind: 'empty' })

  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return fail({ kind: 'not-json' })
  }
  if (exceedsDepth(data)) return fail({ kind: 'too-deep' })
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail({ kind: 'not-our-format' })

  const file = data as Record<string, unknown>
  if (file.format !== FORMAT_ID) return fail({ kind: 'not-our-format' })
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
    return fail({ kind: 'bad-version' })
  if (file.version > CURRENT_FORMAT_VERSION) return fail({ kind: 'newer-version', version: file.version })

  const migrated = migrate(file as RawEnvelope)
  const sheets = migrated.sheets
  if (!Array.isArray(sheets) || sheets.length === 0) return fail({ kind: 'no-sheets' })
  if (sheets.length > MAX_SHEETS_PER_FILE) return fail({ kind: 'too-many-sheets', count: sheets.length })

  const problems: ImportProblem[] = []
  if (!z.iso.datetime({ offset: true }).safeParse(migrated.exportedAt).success) problems.push({ kind: 'bad-exported-at' })
  const workshop = migrated.workshop === undefined ? undefined : workshopBlockSchema.safeParse(migrated.workshop)
  if (workshop && !workshop.success) problems.push({ kind: 'bad-workshop' })
  const valid: Sheet[] = []
  const ids = new Set<string>()
  sheets.forEach((candidate, index) => {
    const sheetNumber = index + 1
    const result = sheetSchema.safeParse(candidate, { reportInput: true })
    if (!result.success) {
      for (const issue of toFieldIssues(result.error.issues))
        problems.push({ kind: 'sheet', sheetNumber, sheetTitle: titleOf(candidate), issue })
      return
    }
    if (ids.has(result.data.id))
      problems.push({
        kind: 'sheet',
        sheetNumber,
        sheetTitle: result.data.project.title,
        issue: { path: 'id', code: 'duplicateId' },
      })
    ids.add(result.data.id)
    valid.push(result.data)
  })
  if (problems.length > 0) return { ok: false, problems }
  return workshop?.success ? { ok: true, sheets: valid, workshop: workshop.data } : { ok: true, sheets: valid }
}

/**
 * The current envelope as text: keys in schema order and 2-space indent, so the same sheets give the same bytes.
 * A workshop, when given, goes in the envelope before the sheets.
 */
export function serializeSheets(sheets: readonly Sheet[], exportedAt: Date, workshop?: WorkshopBlock): string {
  const envelope: Envelope = envelopeSchema.parse({
    format: FORMAT_ID,
    version: CURRENT_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...(workshop ? { workshop } : {}),
    sheets,
  })
  return `${JSON.stringify(envelope, null, 2)}\n`
}


/** A part stays well under the import's 50 MB, whatever the sizes of its sheets. */
export const EXPORT_PART_BYTES = 45 * 1024 * 1024

const utf8 = new TextEncoder()

/** The bytes a sheet takes inside a file: its 2-space JSON, indented twice more in the envelope, and a comma. */
function bytesInFile(sheet: Sheet): number {
  const text = JSON.stringify(sheet, null, 2)
  const lines = text.split('\n').length
  return utf8.encode(text).length + 4 * lines + 2
}

/**
 * Splits sheets into files that each import back: at most 10,000 sheets and about 45 MB per file, in the given
 * order. A library of any size is exported as one file or several, never as a file the import would refuse.
 */
export function splitForExport(
  sheets: readonly Sheet[],
  limits: { maxSheets?: number; maxBytes?: number } = {},
): Sheet[][] {
  const maxSheets = limits.maxSheets ?? MAX_SHEETS_PER_FILE
  const maxBytes = limits.maxBytes ?? EXPORT_PART_BYTES
  const parts: Sheet[][] = []
  let part: Sheet[] = []
  let bytes = 0
  for (const sheet of sheets) {
    const size = bytesInFile(sheet)
    if (part.length > 0 && (part.length >= maxSheets || bytes + size > maxBytes)) {
      parts.push(part)
      part = []
      bytes = 0
    }
    part.push(sheet)
    bytes += size
  }
  if (part.length > 0) parts.push(part)
  return parts
}

/** Two sheets are the same when their canonical serializations are. */
export function sameSheet(a: Sheet, b: Sheet): boolean {
  return JSON.stringify(sheetSchema.parse(a)) === JSON.stringify(sheetSchema.parse(b))
}
