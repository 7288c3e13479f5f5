// Migrations of exchange files from older format versions, one step per version, applied between parsing and
// validation, and the same upgrade for sheets this browser stored before a format change (storage/db.ts).
//
// A step never throws on bad input: it changes what it recognises and leaves the rest for validation to report.

/** A file as parsed, before validation: only `version` is known to be an integer. */
export type RawEnvelope = { version: number } & Record<string, unknown>

/** Turns a file of version N into a file of version N + 1. */
type MigrationStep = (file: RawEnvelope) => RawEnvelope

export type MigrationRegistry = Readonly<Record<number, MigrationStep>>

export const CURRENT_FORMAT_VERSION = 3

type RawObject = Record<string, unknown>

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The fields format v2 adds to a sheet, at their empty values. */
function emptyV2Fields() {
  return {
    project: { problem: '', domain: '' },
    origin: null,
    decision: { status: 'a-examiner', reason: '', decidedAt: null },
    snapshots: [] as unknown[],
  }
}

/**
 * A v1 sheet as a v2 sheet: the new fields at their empty values. A v1 reader ignored unknown keys, so a v1 file
 * that happens to hold keys with these names meant nothing by them: they are replaced, never validated.
 */
export function sheetV1ToV2(sheet: unknown): unknown {
  if (!isObject(sheet)) return sheet
  const added = emptyV2Fields()
  const project = isObject(sheet.project) ? { ...sheet.project, ...added.project } : sheet.project
  return { ...sheet, project, origin: added.origin, decision: added.decision, snapshots: added.snapshots }
}

/** The fields format v3 adds to a sheet, at their empty values: a decision's source is not known before v3. */
function emptyV3Fields() {
  return { project: { shortLabel: '' }, decision: { source: null, history: [] as unknown[] } }
}

/**
 * A v2 sheet as a v3 sheet: a short label left empty, the decision's source unknown and its history empty. As for
 * v1 → v2, keys a v2 reader ignored are replaced, never validated.
 */
export function sheetV2ToV3(sheet: unknown): unknown {
  if (!isObject(sheet)) return sheet
  const added = emptyV3Fields()
  const project = isObject(sheet.project) ? { ...sheet.project, ...added.project } : sheet.project
  const decision = isObject(sheet.decision) ? { ...sheet.decision, ...added.decision } : sheet.decision
  return { ...sheet, project, decision }
}

/**
 * A sheet stored by an older version of the app, given the v2 and v3 fields it lacks. Fields already there are
 * kept: a record may have been written by a newer tab while this one upgraded, and nothing a person wrote is ever
 * dropped.
 */
export function completeStoredSheet<T>(sheet: T): T {
  if (!isObject(sheet)) return sheet
  const v2 = emptyV2Fields()
  const v3 = emptyV3Fields()
  const project = isObject(sheet.project) ? { ...v2.project, ...v3.project, ...sheet.project } : sheet.project
  const decision = 'decision' in sheet ? sheet.decision : v2.decision
  return {
    ...sheet,
    project,
    origin: 'origin' in sheet ? sheet.origin : v2.origin,
    decision: isObject(decision) ? { ...v3.decision, ...decision } : decision,
    snapshots: 'snapshots' in sheet ? sheet.snapshots : v2.snapshots,
  } as T
}

const MIGRATIONS: MigrationRegistry = {
  // v1 → v2: sheets gain problem, domain, origin, decision and snapshots; the envelope may carry a workshop, which
  // a v1 file cannot have meant (a v1 reader ignored it), so it is dropped.
  1: (file) => {
    const rest: RawObject = { ...file }
    delete rest.workshop
    return {
      ...rest,
      version: 2,
      sheets: Array.isArray(file.sheets) ? file.sheets.map(sheetV1ToV2) : file.sheets,
    }
  },
  // v2 → v3: sheets gain a short label and their decision a source and a history; the envelope is unchanged.
  2: (file) => ({
    ...file,
    version: 3,
    sheets: Array.isArray(file.sheets) ? file.sheets.map(sheetV2ToV3) : file.sheets,
  }),
}

/** Brings a file up to `target`, step by step; throws if a step is missing (a bug, not a user error). */
export function migrate(
  file: RawEnvelope,
  registry: MigrationRegistry = MIGRATIONS,
  target = CURRENT_FORMAT_VERSION,
): RawEnvelope {
  let current = file
  while (current.version < target) {
    const step = registry[current.version]
    if (!step) throw new Error(`No migration from format version ${current.version}`)
    const next = step(current)
    if (next.version !== current.version + 1) throw new Error(`Migration from ${current.version} must produce ${current.version + 1}`)
    current = next
  }
  return current
}
