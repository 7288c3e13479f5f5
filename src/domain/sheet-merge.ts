// Two versions of one sheet made from the same stored version — this tab's edits and another tab's save (later a
// server's, or a newer copy in an imported file) — merged field by field against that common base: a field changed
// on one side only takes that side's value; only a field changed on both sides, differently, is a conflict for the
// person to settle. Pure: the same code serves every place two versions meet.
import type { Sheet } from './sheet'

/** A field changed on both sides, differently: where, and the two values. */
export interface FieldConflict {
  /** Dotted path, as in validation issues: « author », « radar.rgpd.scaleUp », « project.objectives ». */
  path: string
  mine: unknown
  theirs: unknown
}

export interface SheetMerge {
  merged: Sheet
  /** Fields whose value came from the other side (to tell the person what changed). */
  fromTheirs: string[]
  conflicts: FieldConflict[]
}

/**
 * Fields that are bookkeeping, not content: never a conflict. The merged sheet carries the other side's (it is
 * the newer write); the next save stamps its own time anyway.
 */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. Objects merge key by key; a list (the objectives, the
 * data sets…) is one field: rows have no identity shared between two browsers, so two different edits of one list
 * are a conflict rather than a guess. In a conflict the merged sheet keeps mine until the person chooses.
 */
export function mergeSheets(base: Sheet, mine: Sheet, theirs: Sheet): SheetMerge {
  const fromTheirs: string[] = []
  const conflicts: FieldConflict[] = []

  function merge(path: string, baseValue: unknown, mineValue: unknown, theirsValue: unknown): unknown {
    if (path !== '' && same(mineValue, theirsValue)) return mineValue
    // Objects merge key by key (so that each changed field is named), whichever side changed them.
    if (isRecord(baseValue) && isRecord(mineValue) && isRecord(theirsValue)) {
      const result: Record<string, unknown> = {}
      for (const key of new Set([...Object.keys(mineValue), ...Object.keys(theirsValue)])) {
        if (path === '' && BOOKKEEPING.has(key)) result[key] = theirsValue[key]
        else result[key] = merge(path ? `${path}.${key}` : key, baseValue[key], mineValue[key], theirsValue[key])
      }
      return result
    }
    if (same(mineValue, baseValue)) {
      fromTheirs.push(path)
      return theirsValue
    }
    if (same(theirsValue, baseValue)) return mineValue
    conflicts.push({ path, mine: mineValue, theirs: theirsValue })
    return mineValue
  }

  const merged = merge('', base, mine, theirs) as Sheet
  return { merged: structuredClone(merged), fromTheirs, conflicts }
}

/** The fields that differ between two versions of a sheet (what another tab changed), bookkeeping aside. */
export function changedFields(before: Sheet, after: Sheet): string[] {
  return mergeSheets(before, before, after).fromTheirs
}

/** Settles the conflicts of a merge one way for all: the person's version, or the other side's. */
export function settleConflicts(merge: SheetMerge, keep: 'mine' | 'theirs'): Sheet {
  if (keep === 'mine' || merge.conflicts.length === 0) return structuredClone(merge.merged)
  const settled = structuredClone(merge.merged) as unknown as Record<string, unknown>
  for (const { path, theirs } of merge.conflicts) {
    const segments = path.split('.')
    const last = segments.pop()!
    let parent = settled
    for (const segment of segments) parent = parent[segment] as Record<string, unknown>
    parent[last] = structuredClone(theirs)
  }
  return settled as unknown as Sheet
}
