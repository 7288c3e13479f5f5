// Workshops shared on the deployment's CouchDB server, as the screens see them: whether a server exists, who is
// signed in, and for each shared workshop its state (« À jour », « 3 modifications à envoyer », « Hors ligne »…) and
// the conflicts waiting for the person. While the app is open, each shared workshop is followed both ways: a round
// after every local change, the server's changes by long polling, a new try when the network comes back.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { serverProblemCode, sheetsRepository, workshopsRepository, workshopSync, type ServerProblemCode, type SyncConflictChoice, type SyncConflictRecord, type WorkshopSync } from '@/storage'
import type { Sheet } from '@/domain/sheet'

export type { SyncConflictChoice, SyncConflictRecord }

export type SharingStatus =
  | { kind: 'working' }
  | { kind: 'upToDate' }
  | { kind: 'toSend'; count: number }
  /** The browser has no network: edits wait in IndexedDB. */
  | { kind: 'offline'; count: number }
  /** The network is there, the server does not answer (stopped, its proxy down). */
  | { kind: 'unreachable'; count: number }
  /** The server refused: sign in again, not a member, database gone, server full… */
  | { kind: 'refused'; problem: ServerProblemCode }

export interface SharedWorkshopState {
  status: SharingStatus
  conflicts: SyncConflictRecord[]
  /** Sheets deleted on the server but edited here, kept and sent back: the person is told once. */
  keptDeletedThere: string[]
  /** Votes of the server kept beside this browser's (set up differently on two sides): the person is told once. */
  voteCopies: string[]
}

/** How long the server may hold a request open before saying « nothing new » (long polling). */
const WAIT_FOR_CHANGES_MS = 25_000
/** Before trying again a server that did not answer. */
const RETRY_MS = 10_000

export const useWorkshopSharingStore = defineStore('workshop-sharing', () => {
  /** undefined until the deployment's setting is read; null when it names no server. */
  const serverPath = ref<string | null | undefined>(undefined)
  const signedInAs = ref<string | null>(null)
  const workshops = ref<Record<string, SharedWorkshopState>>({})
  const sync = shallowRef<WorkshopSync>()
  const followed = new Map<string, { wake: () => void; stop: () => void }>()
  /** Shares and joins the server refused until the person signs in: done once they have. */
  const awaitingSignIn = new Map<string, 'share' | 'join'>()
  let starting: Promise<void> | undefined
  let words: (title: string) => string = (title) => title

  /**
   * Reads the deployment's setting once, and follows the workshops this browser shares when it names a server.
   * `otherVersionTitle` words the title of a vote kept beside another (the view's words: a store words nothing).
   */
  function start(otherVersionTitle: (title: string) => string = words): Promise<void> {
    words = otherVersionTitle
    starting ??= (async () => {
      const { readDeployment } = await import('@/services/deployment')
      const deployment = await readDeployment()
      if (!deployment.server) {
        serverPath.value = null
        return
      }
      const memberRoles = deployment.server.memberRoles
      sync.value = await workshopSync(
        new URL(deployment.server.path, location.origin).href,
        (session) => ({
          admins: { names: session.name ? [session.name] : [], roles: [] },
          members: { names: session.name ? [session.name] : [], roles: memberRoles },
        }),
        (title) => words(title),
      )
      serverPath.value = deployment.server.path
      sheetsRepository().observeLibrary(() => followed.forEach((follower) => follower.wake()))
      workshopsRepository().observe(() => followed.forEach((follower) => follower.wake()))
      window.addEventListener('online', () => followed.forEach((follower) => follower.wake()))
      for (const workshopId of await sync.value.sharedWorkshopIds()) follow(workshopId)
      void sync.value.session().then(
        (session) => (signedInAs.value = session.name),
        () => undefined,
      )
    })()
    return starting
  }

  function setState(workshopId: string, change: Partial<SharedWorkshopState>) {
    const current = workshops.value[workshopId] ?? { status: { kind: 'working' }, conflicts: [], keptDeletedThere: [], voteCopies: [] }
    workshops.value = { ...workshops.value, [workshopId]: { ...current, ...change } }
  }

  async function statusAfterProblem(workshopId: string, problem: ServerProblemCode): Promise<SharingStatus> {
    const count = (await sync.value?.pendingCount(workshopId)) ?? 0
    if (problem === 'unreachable') return navigator.onLine ? { kind: 'unreachable', count } : { kind: 'offline', count }
    return { kind: 'refused', problem }
  }

  /** Rounds both ways until stopped: after each, waits for a change on either side (or the network's return). */
  function follow(workshopId: string): void {
    if (followed.has(workshopId) || !sync.value) return
    const engine = sync.value
    let stopped = false
    let waiting: AbortController | undefined
    let wakeUp: (() => void) | undefined
    let dirty = false
    const wake = () => {
      dirty = true
      waiting?.abort()
      wakeUp?.()
    }
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms)
        wakeUp = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    followed.set(workshopId, { wake, stop: () => ((stopped = true), wake()) })
    if (!workshops.value[workshopId]) setState(workshopId, { status: { kind: 'working' } })

    void (async () => {
      while (!stopped) {
        dirty = false
        try {
          const round = await engine.round(workshopId)
          const count = await engine.pendingCount(workshopId)
          setState(workshopId, {
            status: count > 0 ? { kind: 'toSend', count } : { kind: 'upToDate' },
            conflicts: await engine.conflicts(workshopId),
            keptDeletedThere: round.keptDeletedThere,
            voteCopies: round.voteCopies,
          })
          // Sent with the others' changes merged in: one more round takes them out.
          if (count > 0 && round.sent > 0) continue
          if (dirty) continue
          waiting = new AbortController()
          await engine.waitForChanges(workshopId, WAIT_FOR_CHANGES_MS, waiting.signal).catch((error: unknown) => {
            if (!(error instanceof DOMException && error.name === 'AbortError')) throw error
          })
        } catch (error) {
          // Anything else than the server's refusal or silence (a bug, storage refusing a write) is said as an
          // unexpected answer and tried again later, rather than ending the follow-up without a word.
          const problem = serverProblemCode(error) ?? 'badResponse'
          if (!serverProblemCode(error)) console.error(error)
          setState(workshopId, { status: await statusAfterProblem(workshopId, problem) })
          // Signed out or refused: nothing more until the person signs in (which follows again).
          if (problem === 'unauthorized' || problem === 'forbidden' || problem === 'notFound') {
            followed.delete(workshopId)
            return
          }
          if (!dirty) await pause(RETRY_MS)
        }
      }
    })()
  }

  /** Shares a workshop of this browser (or joins one shared by someone else): then follows it. */
  async function share(workshopId: string, how: 'share' | 'join'): Promise<void> {
    await start()
    if (!sync.value) return
    setState(workshopId, { status: { kind: 'working' } })
    try {
      if (how === 'share') await sync.value.share(workshopId)
      else await sync.value.join(workshopId)
    } catch (error) {
      const problem = serverProblemCode(error)
      if (!problem) throw error
      if (problem === 'unauthorized') awaitingSignIn.set(workshopId, how)
      setState(workshopId, { status: await statusAfterProblem(workshopId, problem) })
      return
    }
    awaitingSignIn.delete(workshopId)
    followed.get(workshopId)?.stop()
    followed.delete(workshopId)
    follow(workshopId)
  }

  /** Signs in with the server's account (the password goes to the server only); then every workshop is followed again. */
  async function signIn(name: string, password: string): Promise<ServerProblemCode | undefined> {
    await start()
    if (!sync.value) return undefined
    try {
      signedInAs.value = (await sync.value.signIn(name, password)).name
    } catch (error) {
      const problem = serverProblemCode(error)
      if (!problem) throw error
      return problem
    }
    for (const workshopId of await sync.value.sharedWorkshopIds()) {
      followed.get(workshopId)?.stop()
      followed.delete(workshopId)
      follow(workshopId)
    }
    for (const [workshopId, how] of awaitingSignIn) await share(workshopId, how)
    return undefined
  }

  /** The person's answer to a conflict; « both » gives this browser's version a new identity (`copy`). */
  async function resolve(workshopId: string, sheetId: string, choice: SyncConflictChoice, copy: (sheet: Sheet) => Sheet): Promise<Sheet | undefined> {
    if (!sync.value) return undefined
    const kept = await sync.value.resolve(workshopId, sheetId, choice, copy)
    setState(workshopId, { conflicts: await sync.value.conflicts(workshopId) })
    followed.get(workshopId)?.wake()
    return kept
  }

  function isShared(workshopId: string): boolean {
    return workshopId in workshops.value
  }

  return { serverPath, signedInAs, workshops, start, share, signIn, resolve, isShared }
})
