// The moment of the crash: armed when a scenario's action starts, it sends SIGKILL to the browser's process group
// after a seeded delay, whatever the scenario is doing then.
import { killGroup, type RunningBrowser } from './browser-process.ts'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export class KillSwitch {
  /** When SIGKILL was sent (Date.now()); undefined until then. */
  at: number | undefined
  /** When the switch was armed. */
  armedAt: number | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly running: RunningBrowser) {}

  arm(delayMs: number) {
    this.armedAt = Date.now()
    this.timer = setTimeout(() => this.fire(), delayMs)
  }

  fire() {
    clearTimeout(this.timer)
    if (this.at === undefined) this.at = killGroup(this.running)
  }

  get fired(): boolean {
    return this.at !== undefined
  }

  /** Waits for the kill (a scenario that finished its work before it keeps the browser idle until then). */
  async wait(): Promise<number> {
    while (this.at === undefined) await sleep(5)
    return this.at
  }

  /**
   * Runs one browser action; once the kill has been sent, its failure (the connection is gone) is expected and
   * returns false. A failure before the kill is a real one and is thrown.
   */
  async attempt(action: () => Promise<unknown>): Promise<boolean> {
    if (this.fired) return false
    try {
      await action()
      return !this.fired
    } catch (error) {
      if (this.fired) return false
      throw error
    }
  }
}
