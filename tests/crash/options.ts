// The crash test's settings, passed by tests/crash/run.mjs (or set directly) as environment variables.
import { SCENARIOS, type ScenarioName } from './scenarios.ts'
import type { CrashOptions } from './trial.ts'

const DEFAULT_SEED = 17

function integer(name: string, fallback: number, min: number): number {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, not ${text}`)
  return value
}

export function crashOptions(): CrashOptions {
  const scenario = process.env.CRASH_SCENARIO || 'all'
  if (scenario !== 'all' && !SCENARIOS.includes(scenario as ScenarioName))
    throw new Error(`CRASH_SCENARIO must be all, ${SCENARIOS.join(', ')}; not ${scenario}`)
  return {
    seed: integer('CRASH_SEED', DEFAULT_SEED, 0),
    trials: integer('CRASH_TRIALS', 3, 1),
    scenario: scenario as CrashOptions['scenario'],
    kills: integer('CRASH_KILLS', 4, 1),
  }
}

/** The command that replays one trial exactly. */
export function replayCommand(scenario: ScenarioName, seed: number, kills: number): string {
  return `npm run test:crash -- --seed ${seed} --trials 1 --scenario ${scenario} --kills ${kills}`
}
