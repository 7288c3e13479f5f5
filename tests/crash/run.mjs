// `npm run test:crash [-- --seed S --trials N --scenario typing|scoring|import|all --kills K --reuse-build]`:
// turns the options into the environment that playwright.crash.config.ts and tests/crash/*.ts read, then runs the
// trials with Playwright's runner (which compiles the TypeScript). Plain JavaScript, so that Node runs it as is.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    trials: { type: 'string' },
    scenario: { type: 'string' },
    kills: { type: 'string' },
    'reuse-build': { type: 'boolean' },
  },
})

const env = { ...process.env }
if (values.seed !== undefined) env.CRASH_SEED = values.seed
if (values.trials !== undefined) env.CRASH_TRIALS = values.trials
if (values.scenario !== undefined) env.CRASH_SCENARIO = values.scenario
if (values.kills !== undefined) env.CRASH_KILLS = values.kills
if (values['reuse-build']) env.CRASH_REUSE_BUILD = '1'

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli')
const child = spawn(process.execPath, [cli, 'test', '--config', 'playwright.crash.config.ts'], { stdio: 'inherit', env })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
