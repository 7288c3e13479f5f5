// The three things a person does when the browser dies: typing a description, scoring the radar, importing a
// file of many sheets. Each scenario prepares its sheet, acts until the kill switch fires (recording when each key,
// score or file reached the page), and after the relaunch checks what was kept against what was done.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { THEME_IDS } from '../../src/domain/grid.ts'
import type { KillSwitch } from './kill-switch.ts'
import { sleep } from './kill-switch.ts'
import { descriptionText, type Random } from './random.ts'
import { otherChanges, type StoredState } from './storage-probe.ts'

export const SCENARIOS = ['typing', 'scoring', 'import'] as const
export type ScenarioName = (typeof SCENARIOS)[number]

/** The promise: nothing typed (or scored) more than this long before a kill is lost. */
export const MAX_LOSS_AGE_MS = 1500

/** One kill and what it took. */
export interface KillRecord {
  scenario: ScenarioName
  seed: number
  round: number
  /** From the start of the action (first key, first score, file given) to SIGKILL. */
  killAfterMs: number
  /** Characters typed, scores given, sheets in the file. */
  done: number
  /** Characters or scores missing after the relaunch (for an import: sheets of the file missing). */
  lost: number
  /** How long before the kill the oldest lost character or score was typed; null when nothing was lost. */
  oldestLostAgeMs: number | null
  /** How long before the kill each lost character or score was typed, in ms. */
  lostAgesMs: number[]
  /** Typing only: characters missing from the stored sheet itself, before drafts and the rescue copy. */
  lostFromSheet?: number
  /** The longest a key or click took to be acknowledged by the page during the action. */
  maxInputLagMs: number
  /** Import only: the summary « Import terminé » was on screen before the kill. */
  importFinishedBeforeKill?: boolean
  /** Import only: the file's sheets were all stored (false: none of them). */
  importLanded?: boolean
  /** Import only: when the kill came, as a fraction of the time the import should take (seeded). */
  importKillFraction?: number
  /** Import only: where the import's write transaction was when the kill came, as the page reported it. */
  importPhase?: WritePhase
  /** Corruption or a loss older than MAX_LOSS_AGE_MS: what exactly. */
  violations: string[]
}

export interface Scenario {
  /** Before the first kill (not killed): the sheet or the earlier sheets. */
  setup(page: Page): Promise<void>
  /** Acts from the current page until the kill switch fires; arms it itself when the action starts. */
  act(page: Page, kill: KillSwitch, round: number): Promise<void>
  /** On the relaunched browser: checks what is stored (before: read just before the action) and leaves the app open. */
  check(page: Page, before: StoredState, after: StoredState, killAt: number): Promise<Omit<KillRecord, 'scenario' | 'seed' | 'round'>>
}

interface Input {
  /** When the key or click was sent (the person's moment). */
  sentAt: number
  /** When the page acknowledged it. */
  at: number
}

export interface ScenarioContext {
  random: Random
  baseURL: string
  /** A folder of the trial's own, for files to import. */
  workDir: string
  seed: number
}

const SAVED = /^Enregistré (maintenant|il y a)/
const CREATE = /^(Nouvelle fiche|Créer ma première fiche)$/

async function createSheet(page: Page, baseURL: string): Promise<string> {
  await page.goto(baseURL)
  await page.getByRole('button', { name: CREATE }).first().click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  return new URL(page.url()).pathname.split('/').pop()!
}

const lagOf = (inputs: Input[]) => Math.max(0, ...inputs.map((input) => input.at - input.sentAt))

// ── Typing ─────────────────────────────────────────────────────────────────────────────────────────────────────
// A description typed at a person's pace (60 ms a key, 300 ms between words), killed 0.2 to 16 s after the first
// key; the next round goes on typing after what was recovered, in the same sheet.
const KEY_MS = 60
const WORD_GAP_MS = 300

function typingScenario({ random, baseURL }: ScenarioContext): Scenario {
  let id = ''
  /** The description as the person made it so far: each character with its moment. */
  let chars: { char: string; input: Input }[] = []
  let roundInputs: Input[] = []

  return {
    async setup(page) {
      id = await createSheet(page, baseURL)
      await page.keyboard.type('Description tapée pendant une panne')
      await expect(page.getByText(SAVED)).toBeVisible()
    },

    async act(page, kill) {
      const field = page.getByLabel('Description')
      await field.click()
      await page.keyboard.press('ControlOrMeta+End')
      const shown = await field.inputValue()
      const expected = chars.map((c) => c.char).join('')
      if (shown !== expected) throw new Error(`The description shows ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}`)
      const text = descriptionText(random, 600)
      const killAfter = random.between(200, 16_000)
      roundInputs = []
      const start = Date.now()
      kill.arm(killAfter)
      let due = start
      for (const char of text) {
        await sleep(due - Date.now())
        if (kill.fired) break
        const input = { sentAt: Date.now(), at: 0 }
        chars.push({ char, input })
        roundInputs.push(input)
        const acknowledged = await kill.attempt(() => page.keyboard.type(char))
        input.at = Date.now()
        if (!acknowledged) break
        due += char === ' ' ? WORD_GAP_MS : KEY_MS
      }
      await kill.wait()
    },

    async check(page, before, after, killAt) {
      const violations = otherChanges(before, after, new Set([id])).map((change) => `corruption: ${change}`)
      const full = chars.map((c) => c.char).join('')
      const prefix = (what: string, value: string | undefined) => {
        if (value !== undefined && !full.startsWith(value))
          violations.push(`corruption: the ${what} holds ${JSON.stringify(value.slice(-40))}, not a prefix of what was typed`)
      }
      const sheet = after.sheets[id] ? JSON.parse(after.sheets[id]) : undefined
      const summary = after.summaries[id] ? JSON.parse(after.summaries[id]) : undefined
      if (!sheet || !summary) violations.push('corruption: the sheet or its summary is missing')
      else if (summary.title !== sheet.project.title) violations.push('corruption: the summary does not match the sheet')
      const stored: string = sheet?.project.description ?? ''
      prefix('stored sheet', stored)
      prefix('draft', after.drafts[id] ? JSON.parse(after.drafts[id]).content.project.description : undefined)
      prefix('rescue copy', after.rescue[id] ? JSON.parse(after.rescue[id]).content.project.description : undefined)

      // What the person gets back: the editor's field on reopening.
      await page.goto(`${baseURL}/fiches/${id}`)
      const field = page.getByLabel('Description')
      // The editor shows the field once it has read the sheet, its draft and its rescue copy.
      await expect(field).toBeVisible()
      const shown = await field.inputValue()
      prefix('reopened editor', shown)
      const kept = full.startsWith(shown) ? shown.length : commonPrefixLength(full, shown)
      const lost = full.length - kept
      const oldest = lost > 0 ? killAt - chars[kept]!.input.sentAt : null
      if (oldest !== null && oldest > MAX_LOSS_AGE_MS)
        violations.push(
          `loss: ${lost} characters lost, the oldest typed ${oldest} ms before the kill: ` +
            JSON.stringify(full.slice(kept)),
        )
      const done = roundInputs.length
      const lostAgesMs = chars.slice(kept).map((c) => killAt - c.input.sentAt)
      // The next round types on after what came back.
      chars = chars.slice(0, kept)
      return {
        killAfterMs: killAt - (roundInputs[0]?.sentAt ?? killAt),
        done,
        lost,
        oldestLostAgeMs: oldest,
        lostAgesMs,
        lostFromSheet: full.length - commonPrefixLength(full, stored),
        maxInputLagMs: lagOf(roundInputs),
        violations,
      }
    },
  }
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0
  while (length < a.length && length < b.length && a[length] === b[length]) length++
  return length
}

// ── Scoring ────────────────────────────────────────────────────────────────────────────────────────────────────
// A new sheet each round, scored from « Aller au radar » with digit keys or clicks (chosen at random for each
// score), 250 ms to 1 s apart, killed 0.1 to 13 s after the first score.
const LEVELS = ['0 Aucun', '1 Faible', '2 Modéré', '3 Fort', '4 Critique']
/** The order in which the radar takes scores: each theme's prototype difficulty, then its scale-up obstacle. */
const SCORE_SLOTS = THEME_IDS.flatMap((theme) => [
  { theme, axis: 'prototype' as const },
  { theme, axis: 'scaleUp' as const },
])

function scoringScenario({ random, baseURL }: ScenarioContext): Scenario {
  let id = ''
  let given: { value: number; input: Input; by: 'key' | 'click' }[] = []

  return {
    async setup() {},

    async act(page, kill) {
      id = await createSheet(page, baseURL)
      await page.getByRole('link', { name: 'Aller au radar' }).click()
      await expect(
        page.getByRole('group', { name: 'Datamining — Difficulté pour le prototype' }).getByLabel('Non évalué'),
      ).toBeFocused()
      const scores = SCORE_SLOTS.map(() => ({
        value: random.int(0, 4),
        by: random.next() < 0.5 ? ('key' as const) : ('click' as const),
        pause: random.between(250, 1000),
      }))
      given = []
      kill.arm(random.between(100, 13_000))
      for (const score of scores) {
        let target: { x: number; y: number } | undefined
        if (score.by === 'click') {
          // The group that has the keyboard is the next score: find the level's face before the click's moment.
          const face = page.getByRole('group').filter({ has: page.locator(':focus') }).getByLabel(LEVELS[score.value]!, { exact: true })
          const ready = await kill.attempt(async () => {
            await face.scrollIntoViewIfNeeded()
            const box = (await face.boundingBox())!
            target = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
          })
          if (!ready) break
        }
        if (kill.fired) break
        const input = { sentAt: Date.now(), at: 0 }
        given.push({ value: score.value, input, by: score.by })
        const acknowledged = await kill.attempt(() =>
          target ? page.mouse.click(target.x, target.y) : page.keyboard.press(String(score.value)),
        )
        input.at = Date.now()
        if (!acknowledged) break
        await sleep(score.pause)
        if (kill.fired) break
      }
      await kill.wait()
    },

    async check(_page, before, after, killAt) {
      const violations = otherChanges(before, after, new Set([id])).map((change) => `corruption: ${change}`)
      const sheet = after.sheets[id] ? JSON.parse(after.sheets[id]) : undefined
      if (!sheet !== !after.summaries[id]) violations.push('corruption: the sheet and its summary disagree')
      const stored: (number | null)[] = SCORE_SLOTS.map(({ theme, axis }) => sheet?.radar[theme][axis] ?? null)
      let kept = 0
      while (kept < given.length && stored[kept] === given[kept]!.value) kept++
      if (stored.slice(kept).some((value) => value !== null))
        violations.push(
          `corruption: stored scores ${JSON.stringify(stored)} are not the first scores given ` +
            JSON.stringify(given.map((score) => score.value)),
        )
      const lost = given.length - kept
      const oldest = lost > 0 ? killAt - given[kept]!.input.sentAt : null
      if (oldest !== null && oldest > MAX_LOSS_AGE_MS)
        violations.push(`loss: ${lost} scores lost, the oldest given ${oldest} ms before the kill (${given[kept]!.by})`)
      return {
        killAfterMs: killAt - (given[0]?.input.sentAt ?? killAt),
        done: given.length,
        lost,
        oldestLostAgeMs: oldest,
        lostAgesMs: given.slice(kept).map((score) => killAt - score.input.sentAt),
        maxInputLagMs: lagOf(given.map((score) => score.input)),
        violations,
      }
    },
  }
}

// ── Import ─────────────────────────────────────────────────────────────────────────────────────────────────────
// 500 earlier sheets imported first (not killed), which also times an import on this machine as it is loaded now
// and where in it the write transaction runs; then each round a file of 300 to 1,500 new sheets given to
// « Importer des fiches (JSON) », killed at a seeded fraction of the time such a file should take — half of them
// anywhere from 0 to 1.3, half around the write transaction — so that kills fall before, during and after it. The page reports when a write transaction on the sheets starts and commits (a listener added to
// IndexedDB, which changes nothing), so each kill is known to have come before, during or after the write. The
// file's sheets must be all there or none, every other sheet and summary byte-identical.
interface BundleSheet {
  id: string
  title: string
}

function writeBundle(random: Random, path: string, count: number, label: string): BundleSheet[] {
  const stamp = '2026-11-20T10:00:00.000Z'
  const sheets = Array.from({ length: count }, (_, index) => ({
    id: random.uuid(),
    createdAt: stamp,
    updatedAt: stamp,
    organisation: 'Communauté de communes du Val',
    author: 'Atelier',
    project: { title: `${label} n° ${index + 1}`, description: descriptionText(random, random.int(40, 400)) },
    radar: Object.fromEntries(
      THEME_IDS.map((theme) => [theme, { prototype: random.int(0, 4), scaleUp: random.int(0, 4), comment: '' }]),
    ),
  }))
  const file = { format: 'fiche-projet-data', version: 2, exportedAt: stamp, sheets }
  writeFileSync(path, JSON.stringify(file))
  return sheets.map((sheet) => ({ id: sheet.id, title: sheet.project.title }))
}

const EARLIER_SHEETS = 500
const FINISHED = 'Import terminé'

type WritePhase = 'before the write' | 'during the write' | 'after the commit'

/** Tells the test when the page opens a read-write transaction on the sheets, and when it commits. */
function watchWrites(): void {
  const report = (window as unknown as { __crashWrite: (event: string) => void }).__crashWrite
  const transaction = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
    const opened = transaction.apply(this, args)
    const names = typeof args[0] === 'string' ? [args[0]] : [...args[0]]
    if (args[1] === 'readwrite' && names.includes('sheets')) {
      report('start')
      opened.addEventListener('complete', () => report('complete'))
      opened.addEventListener('abort', () => report('abort'))
    }
    return opened
  } as typeof transaction
}

function importScenario({ random, baseURL, workDir, seed }: ScenarioContext): Scenario {
  let bundle: BundleSheet[] = []
  let finishedAt: number | undefined
  let pickedAt = 0
  let fraction = 0
  /** How long an import took per sheet, measured on the earlier sheets. */
  let msPerSheet = 0
  let writes: { event: string; at: number }[] = []
  const watched = new WeakSet<Page>()
  /** Where the earlier sheets' write transaction started and committed, as fractions of that import's time. */
  let writeWindow = { start: 0.5, end: 1 }

  async function watch(page: Page) {
    if (watched.has(page)) return
    watched.add(page)
    await page.exposeBinding('__crashWrite', (_source, event: string) => void writes.push({ event, at: Date.now() }))
    await page.addInitScript(watchWrites)
  }

  return {
    async setup(page) {
      await watch(page)
      await page.goto(baseURL)
      const earlier = join(workDir, 'earlier.json')
      writeBundle(random, earlier, EARLIER_SHEETS, `Fiche antérieure ${seed}`)
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
      writes = []
      const started = Date.now()
      await (await chooser).setFiles(earlier)
      await expect(page.getByRole('heading', { name: FINISHED })).toBeVisible({ timeout: 120_000 })
      const took = Date.now() - started
      msPerSheet = took / EARLIER_SHEETS
      const start = writes.findLast((write) => write.event === 'start')
      const end = writes.findLast((write) => write.event === 'complete')
      if (start && end) writeWindow = { start: (start.at - started) / took, end: (end.at - started) / took }
      await page.getByRole('button', { name: 'Fermer' }).click()
    },

    async act(page, kill, round) {
      await watch(page)
      await page.goto(baseURL)
      await expect(page.getByRole('button', { name: 'Importer des fiches (JSON)' })).toBeVisible()
      const path = join(workDir, `import-${round}.json`)
      bundle = writeBundle(random, path, random.int(300, 1500), `Import ${seed}-${round}`)
      finishedAt = undefined
      writes = []
      // Half the kills anywhere from the pick to past the end, half around the write transaction as timed on the
      // earlier sheets (the seed fixes the draw; the machine's speed, measured, turns it into milliseconds).
      const [mode, position] = [random.next(), random.next()]
      const around = { start: Math.max(0, writeWindow.start - 0.1), end: writeWindow.end + 0.1 }
      fraction = mode < 0.5 ? position * 1.3 : around.start + position * (around.end - around.start)
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
      const fileChooser = await chooser
      // Watches for the summary, which the app shows once the transaction has committed.
      void page
        .getByRole('heading', { name: FINISHED })
        .waitFor({ timeout: 300_000 })
        .then(
          () => (finishedAt ??= Date.now()),
          () => undefined,
        )
      pickedAt = Date.now()
      kill.arm(fraction * msPerSheet * bundle.length)
      await kill.attempt(() => fileChooser.setFiles(path))
      await kill.wait()
    },

    async check(page, before, after, killAt) {
      const ids = new Set(bundle.map((sheet) => sheet.id))
      const violations = otherChanges(before, after, ids).map((change) => `corruption: ${change}`)
      const inSheets = bundle.filter((sheet) => after.sheets[sheet.id] !== undefined).length
      const inSummaries = bundle.filter((sheet) => after.summaries[sheet.id] !== undefined).length
      if (inSheets !== inSummaries || (inSheets !== 0 && inSheets !== bundle.length))
        violations.push(`corruption: ${inSheets} sheets and ${inSummaries} summaries of a file of ${bundle.length}`)
      for (const sheet of bundle) {
        const stored = after.sheets[sheet.id]
        if (stored && JSON.parse(stored).project.title !== sheet.title) {
          violations.push(`corruption: sheet ${sheet.id} is not the file's « ${sheet.title} »`)
          break
        }
      }
      const finishedBeforeKill = finishedAt !== undefined && finishedAt < killAt
      if (finishedBeforeKill && inSheets !== bundle.length)
        violations.push(`loss: « ${FINISHED} » was shown, then ${bundle.length - inSheets} sheets were missing`)
      const seen = writes.filter((write) => write.at <= killAt).map((write) => write.event)
      const phase: WritePhase = !seen.includes('start')
        ? 'before the write'
        : seen.at(-1) === 'start'
          ? 'during the write'
          : 'after the commit'
      if (phase === 'after the commit' && seen.at(-1) === 'complete' && inSheets !== bundle.length)
        violations.push(`loss: the import's transaction had committed, then ${bundle.length - inSheets} sheets were missing`)
      // The next round starts from the library.
      await page.goto(baseURL)
      return {
        killAfterMs: killAt - pickedAt,
        done: bundle.length,
        lost: finishedBeforeKill ? bundle.length - inSheets : 0,
        oldestLostAgeMs: null,
        lostAgesMs: [],
        maxInputLagMs: 0,
        importFinishedBeforeKill: finishedBeforeKill,
        importLanded: inSheets > 0,
        importKillFraction: fraction,
        importPhase: phase,
        violations,
      }
    },
  }
}

export const scenarioFactories: Record<ScenarioName, (context: ScenarioContext) => Scenario> = {
  typing: typingScenario,
  scoring: scoringScenario,
  import: importScenario,
}
