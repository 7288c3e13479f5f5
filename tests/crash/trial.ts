// One trial: a fresh persistent profile, the scenario's set-up, then `kills` rounds of act → SIGKILL → relaunch on
// the same profile → check. Everything random comes from the trial's seed.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, stopBrowser, waitUntilGone } from './browser-process.ts'
import { KillSwitch } from './kill-switch.ts'
import { seededRandom } from './random.ts'
import { scenarioFactories, type KillRecord, type ScenarioName } from './scenarios.ts'
import { probeStorage, readStorage } from './storage-probe.ts'

export interface TrialPlan {
  scenario: ScenarioName
  seed: number
  kills: number
}

export interface CrashOptions {
  seed: number
  trials: number
  scenario: ScenarioName | 'all'
  kills: number
}

/** Trial i has the seed `seed + i` and, unless one scenario is asked for, the scenarios in turn. */
export function planTrials(options: CrashOptions): TrialPlan[] {
  const scenarios: ScenarioName[] = options.scenario === 'all' ? ['typing', 'scoring', 'import'] : [options.scenario]
  return Array.from({ length: options.trials }, (_, index) => ({
    scenario: scenarios[index % scenarios.length]!,
    seed: options.seed + index,
    kills: options.kills,
  }))
}

export async function runTrial(
  plan: TrialPlan,
  baseURL: string,
  outputDir: string,
  onKill: (record: KillRecord) => void,
): Promise<KillRecord[]> {
  const trialDir = join(outputDir, 'trials', `${plan.scenario}-${plan.seed}`)
  const profileDir = join(trialDir, 'profile')
  rmSync(trialDir, { recursive: true, force: true })
  mkdirSync(profileDir, { recursive: true })
  const scenario = scenarioFactories[plan.scenario]({
    random: seededRandom(plan.seed),
    baseURL,
    workDir: trialDir,
    seed: plan.seed,
  })
  const records: KillRecord[] = []
  // CRASH_DEBUG=1 prints how long each step of a round takes.
  const started = Date.now()
  const step = (what: string) => {
    if (process.env.CRASH_DEBUG) console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`)
  }
  let running = await launchBrowser(profileDir)
  try {
    await running.page.goto(baseURL)
    await scenario.setup(running.page)
    step('set up')
    for (let round = 0; round < plan.kills; round++) {
      const before = await readStorage(running.page)
      step(`round ${round + 1}: storage read`)
      const kill = new KillSwitch(running)
      try {
        await scenario.act(running.page, kill, round)
      } finally {
        // A scenario that failed before its kill still leaves no browser behind.
        kill.fire()
      }
      step('killed')
      await waitUntilGone(running, profileDir)
      step('gone')
      running = await launchBrowser(profileDir)
      step('relaunched')
      const after = await probeStorage(running.page, baseURL)
      step('probed')
      const record: KillRecord = {
        scenario: plan.scenario,
        seed: plan.seed,
        round,
        ...(await scenario.check(running.page, before, after, kill.at!)),
      }
      step('checked')
      records.push(record)
      onKill(record)
    }
  } finally {
    await stopBrowser(running, profileDir)
  }
  // A trial that found nothing wrong leaves nothing behind; a failing one keeps its profile for inspection.
  if (records.every((record) => record.violations.length === 0)) rmSync(trialDir, { recursive: true, force: true })
  return records
}
