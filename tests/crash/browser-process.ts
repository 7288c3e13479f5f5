// Chromium as the crash test needs it: started by the test itself as the leader of its own process group, on a
// persistent profile, driven over the DevTools protocol, and killed with SIGKILL sent to the whole group — the
// browser process, its renderers and its utility processes die at once, as in a power cut or an OOM kill, and
// nothing (no pagehide, no IndexedDB flush) gets a chance to run.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../chromium.ts'

export interface RunningBrowser {
  child: ChildProcess
  pid: number
  browser: Browser
  context: BrowserContext
  page: Page
  /** Resolves when the browser process has exited (and was reaped). */
  exited: Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function launchBrowser(profileDir: string): Promise<RunningBrowser> {
  const child = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      '--headless',
      '--lang=fr-FR',
      '--window-size=1280,900',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // Its own process group (detached), so that process.kill(-pid) reaches every process Chromium forks.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ: 'Europe/Paris' } },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pid = child.pid
  if (pid === undefined) throw new Error(`Chromium did not start (${chromiumPath})`)
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools endpoint in 60 s:\n${output}`)), 60_000)
    child.stderr!.on('data', (data: Buffer) => {
      output += data.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
  // Keep draining stderr so that a chatty browser never blocks on a full pipe.
  child.stderr!.resume()
  const browser = await chromium.connectOverCDP(endpoint)
  const context = browser.contexts()[0]!
  const page = context.pages()[0] ?? (await context.newPage())
  return { child, pid, browser, context, page, exited }
}

/** Whether any process is left in the group. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Processes (Chromium's crash handler is one, in a group of its own) still holding the profile. */
function processesOnProfile(profileDir: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(profileDir)) pids.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return pids
}

/** SIGKILL to the whole process group; returns the moment (Date.now()) the signal was sent. */
export function killGroup(running: RunningBrowser): number {
  const at = Date.now()
  process.kill(-running.pid, 'SIGKILL')
  return at
}

/** Waits until no process of the group, and none using the profile, is left, so the next launch starts clean. */
export async function waitUntilGone(running: RunningBrowser, profileDir: string): Promise<void> {
  await running.exited
  const deadline = Date.now() + 30_000
  while (groupAlive(running.pid) || processesOnProfile(profileDir).length > 0) {
    if (Date.now() > deadline) {
      const left = processesOnProfile(profileDir)
      throw new Error(`Chromium processes still alive 30 s after SIGKILL (group ${running.pid}, on profile: ${left})`)
    }
    await sleep(50)
  }
}

/** Ends a browser the test no longer needs (after the last check): the same SIGKILL, then the wait. */
export async function stopBrowser(running: RunningBrowser, profileDir: string): Promise<void> {
  if (running.child.exitCode === null && running.child.signalCode === null) killGroup(running)
  await waitUntilGone(running, profileDir)
}
