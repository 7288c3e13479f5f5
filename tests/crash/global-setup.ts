// Starts the run's record of kills afresh, and prints the figures of every kill once all trials are over (a
// failed trial restarts Playwright's worker, so the figures are gathered from the file, not from memory).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FullConfig } from '@playwright/test'
import { summary } from './figures.ts'
import { crashOptions } from './options.ts'
import type { KillRecord } from './scenarios.ts'

export default function globalSetup(config: FullConfig) {
  const outputDir = config.projects[0]!.outputDir
  const log = join(outputDir, 'kills.jsonl')
  mkdirSync(outputDir, { recursive: true })
  rmSync(log, { force: true })
  const options = crashOptions()
  console.log(
    `Crash test: seed ${options.seed}, ${options.trials} trials (${options.scenario}), ${options.kills} kills each`,
  )
  return () => {
    const records: KillRecord[] = existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as KillRecord)
      : []
    console.log(summary(records, options.kills))
  }
}
