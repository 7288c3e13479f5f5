// The crash test (issue 17): Chromium on a persistent profile, killed with SIGKILL (its whole process group) at
// seeded random moments while a person types, scores and imports; relaunched on the same profile, it must have
// kept a prefix of what was done (an import: all of it or nothing, the other sheets byte-identical), and nothing
// typed or scored more than 1.5 s before the kill may be missing. Run by `npm run test:crash` (see the README).
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { killLine } from './figures.ts'
import { crashOptions, replayCommand } from './options.ts'
import { planTrials, runTrial } from './trial.ts'

const options = crashOptions()

for (const plan of planTrials(options)) {
  test(`${plan.scenario}, seed ${plan.seed}, ${plan.kills} kills`, async ({ baseURL }) => {
    test.setTimeout(120_000 + plan.kills * 120_000)
    const log = join(test.info().project.outputDir, 'kills.jsonl')
    const records = await runTrial(plan, baseURL!, test.info().project.outputDir, (record) => {
      appendFileSync(log, JSON.stringify(record) + '\n')
      console.log(killLine(record))
    })
    const violations = records.flatMap((record) => record.violations.map((v) => `kill ${record.round + 1}: ${v}`))
    expect(violations, `replay: ${replayCommand(plan.scenario, plan.seed, plan.kills)}`).toEqual([])
  })
}
