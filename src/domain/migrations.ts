// Migrations of exchange files from older format versions, one step per version, applied between parsing and
// validation. Version 1 is the first format, so there is no step yet: v2 will add `1: (file) => …` here.

/** A file as parsed, before validation: only `version` is known to be an integer. */
export type RawEnvelope = { version: number } & Record<string, unknown>

/** Turns a file of version N into a file of version N + 1. */
export type MigrationStep = (file: RawEnvelope) => RawEnvelope

export type MigrationRegistry = Readonly<Record<number, MigrationStep>>

export const CURRENT_FORMAT_VERSION = 1

const MIGRATIONS: MigrationRegistry = {}

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
