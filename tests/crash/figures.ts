// The crash test's figures: a line per kill while it runs, and per scenario at the end — trials, kills, what was
// lost and how long before the kill the oldest lost character or score was typed.
import { replayCommand } from './options.ts'
import { MAX_LOSS_AGE_MS, SCENARIOS, type KillRecord } from './scenarios.ts'

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

export function killLine(record: KillRecord): string {
  const head = `${record.scenario} seed ${record.seed} kill ${record.round + 1}: SIGKILL ${seconds(record.killAfterMs)} after the start`
  const verdict = record.violations.length === 0 ? 'ok' : `FAILED — ${record.violations.join('; ')}`
  switch (record.scenario) {
    case 'typing':
      return (
        `${head}; ${record.done} characters typed, ${record.lost} lost` +
        (record.oldestLostAgeMs === null ? '' : ` (oldest typed ${record.oldestLostAgeMs} ms before the kill)`) +
        `, ${record.lostFromSheet} missing from the stored sheet alone; slowest key ${record.maxInputLagMs} ms — ${verdict}`
      )
    case 'scoring':
      return (
        `${head}; ${record.done} scores given, ${record.lost} lost` +
        (record.oldestLostAgeMs === null ? '' : ` (oldest given ${record.oldestLostAgeMs} ms before the kill)`) +
        `; slowest input ${record.maxInputLagMs} ms — ${verdict}`
      )
    case 'import':
      return (
        `${head} (${record.importKillFraction?.toFixed(2)} of the expected import time, ${record.importPhase}); ` +
        `file of ${record.done} sheets: ${record.importLanded ? 'all stored' : 'none stored'}` +
        `${record.importFinishedBeforeKill ? ' (« Import terminé » was shown)' : ''} — ${verdict}`
      )
  }
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const BUCKET_MS = [250, 500, 750, 1000, 1250, 1500]

/** « < 0.25 s: 12, 0.25–0.5 s: 3, … > 1.5 s: 0 ». */
function ageBuckets(ages: number[]): string {
  const edges = [0, ...BUCKET_MS]
  const parts = edges.map((low, index) => {
    const high = BUCKET_MS[index]
    const count = ages.filter((age) => age >= low && (high === undefined || age < high)).length
    return `${high === undefined ? `≥ ${low / 1000} s` : `${low / 1000}–${high / 1000} s`}: ${count}`
  })
  return parts.join(', ')
}

const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`)

/** The figures of a run whose trials had `kills` kills each. */
export function summary(records: KillRecord[], kills: number): string {
  const lines = ['', `Crash test: ${new Set(records.map((r) => `${r.scenario}-${r.seed}`)).size} trials, ${records.length} kills`]
  for (const scenario of SCENARIOS) {
    const kills = records.filter((record) => record.scenario === scenario)
    if (kills.length === 0) continue
    const trials = new Set(kills.map((record) => record.seed)).size
    const failed = kills.filter((record) => record.violations.length > 0)
    const corrupt = kills.filter((record) => record.violations.some((v) => v.startsWith('corruption')))
    const withLoss = kills.filter((record) => record.lost > 0)
    const ages = withLoss.map((record) => record.oldestLostAgeMs).filter((age): age is number => age !== null)
    const tooOld = ages.filter((age) => age > MAX_LOSS_AGE_MS).length
    const done = kills.reduce((sum, record) => sum + record.done, 0)
    const lost = kills.reduce((sum, record) => sum + record.lost, 0)
    const head = `- ${scenario}: ${trials} trials, ${kills.length} kills`
    if (scenario === 'import') {
      const landed = kills.filter((record) => record.importLanded).length
      const finished = kills.filter((record) => record.importFinishedBeforeKill).length
      const phases = (['before the write', 'during the write', 'after the commit'] as const).map((phase) => {
        const inPhase = kills.filter((record) => record.importPhase === phase)
        const whole = inPhase.filter((record) => record.importLanded).length
        return `${phase}: ${inPhase.length} (${whole} stored whole, ${inPhase.length - whole} not at all)`
      })
      lines.push(
        `${head}; files of ${done} sheets in all: ${landed} stored whole, ${kills.length - landed} not at all, ` +
          `none partly; « Import terminé » shown before ${finished} kills; corruption: ${corrupt.length} kills; ` +
          `failed kills: ${failed.length}`,
        `  kills by where the import's transaction was: ${phases.join('; ')}`,
      )
      continue
    }
    const unit = scenario === 'typing' ? 'characters' : 'scores'
    const lags = kills.map((record) => record.maxInputLagMs)
    lines.push(
      `${head}; ${done} ${unit} ${scenario === 'typing' ? 'typed' : 'given'}, ${lost} lost in ${withLoss.length} kills` +
        (scenario === 'typing'
          ? ` (${kills.reduce((sum, record) => sum + (record.lostFromSheet ?? 0), 0)} missing from the stored sheets alone)`
          : '') +
        `; oldest lost ${unit.slice(0, -1)} ${scenario === 'typing' ? 'typed' : 'given'} before the kill: max ${ms(ages.length ? Math.max(...ages) : undefined)}, ` +
        `median ${ms(median(ages))}; lost older than ${MAX_LOSS_AGE_MS} ms: ${tooOld} kills; ` +
        `corruption: ${corrupt.length} kills; slowest input: max ${ms(Math.max(...lags))}, median ${ms(median(lags))}; ` +
        `failed kills: ${failed.length}`,
      `  ${unit} lost by how long before the kill they were ${scenario === 'typing' ? 'typed' : 'given'}: ` +
        ageBuckets(kills.flatMap((record) => record.lostAgesMs)),
    )
  }
  const failures = records.filter((record) => record.violations.length > 0)
  if (failures.length > 0) {
    lines.push('Failed kills:')
    for (const record of failures)
      lines.push(`  ${killLine(record)}`, `    replay: ${replayCommand(record.scenario, record.seed, kills)}`)
  }
  return lines.join('\n')
}
