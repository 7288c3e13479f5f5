// A workshop's ranked votes (« Vote du comité »): the one being run, kept in step with IndexedDB (every recorded
// ballot is one write of the whole vote, so a reload shows exactly what was recorded), its count, and the
// confirmation that writes each candidate's decision on its sheet.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  addVoter as withVoter,
  breakTie as withTieBreak,
  createVote,
  recordBallot as withBallot,
  removeVoter as withoutVoter,
  type BallotChannel,
  type NewVoteOptions,
  type Ranking,
  type Vote,
} from '@/domain/vote'
import { changeDecision } from '@/domain/decision'
import { decisionsOf, tallyVote } from '@/domain/vote-count'
import { ballotReceipt, type BallotFile } from '@/domain/vote-file'
import { isSaveConflict, sheetsRepository, votesRepository } from '@/storage'

export type ConfirmOutcome =
  | { ok: true; written: number; missing: number }
  | { ok: false; reason: 'not-settled' | 'missing' | 'changed' }

export const useVotesStore = defineStore('votes', () => {
  const vote = shallowRef<Vote | undefined>(undefined)
  const status = ref<'idle' | 'loading' | 'ready' | 'missing' | 'error'>('idle')
  const loadError = shallowRef<unknown>(null)
  let stopObserving: (() => void) | undefined

  const tallies = computed(() => (vote.value ? tallyVote(vote.value) : []))
  /** Each candidate's decision, once every group is settled. */
  const decisions = computed(() => decisionsOf(tallies.value))

  function close() {
    stopObserving?.()
    stopObserving = undefined
  }

  async function open(id: string) {
    close()
    if (vote.value?.id !== id) vote.value = undefined
    status.value = 'loading'
    try {
      vote.value = await votesRepository().get(id)
      status.value = vote.value ? 'ready' : 'missing'
    } catch (error) {
      loadError.value = error
      status.value = 'error'
      return
    }
    stopObserving = votesRepository().observe(id, (next) => {
      vote.value = next
      status.value = next ? 'ready' : 'missing'
    })
  }

  function listForWorkshop(workshopId: string): Promise<Vote[]> {
    return votesRepository().listForWorkshop(workshopId)
  }

  /** Stores a vote the domain made and shows it. */
  async function keep(next: Vote): Promise<Vote> {
    await votesRepository().put(next)
    vote.value = next
    return next
  }

  async function create(options: Omit<NewVoteOptions, 'now'>): Promise<Vote> {
    const created = createVote({ ...options, now: new Date() })
    await votesRepository().put(created)
    return created
  }

  function current(): Vote {
    if (!vote.value) throw new Error('No vote is open')
    return vote.value
  }

  async function addVoter(organisation: string, name = '') {
    const result = withVoter(current(), { organisation, name }, new Date())
    if (result.ok) await keep(result.vote)
    return result
  }

  /** False when the voter has a ballot (it stays part of the record). */
  async function removeVoter(voterId: string): Promise<boolean> {
    const next = withoutVoter(current(), voterId, new Date())
    if (!next) return false
    await keep(next)
    return true
  }

  async function recordBallot(voterId: string, rankings: Record<string, Ranking>, options: { reason?: string; channel?: BallotChannel } = {}) {
    const result = withBallot(current(), { voterId, rankings, channel: options.channel }, new Date(), options.reason)
    if (result.ok) await keep(result.vote)
    return result
  }

  async function breakTie(groupId: string, order: string[], reason: string) {
    await keep(withTieBreak(current(), { groupId, order, reason }, new Date()))
  }

  /**
   * Writes each candidate's decision on its sheet — priorisé or en réserve, dated the day of the vote, with the
   * reason `reason(points)` gives (« vote du … — n points ») — then marks the vote confirmed. A sheet deleted since
   * is counted, not an error; a sheet another tab changed meanwhile is re-read once and written again.
   */
  async function confirm(reason: (points: number) => string): Promise<ConfirmOutcome> {
    const settled = decisions.value
    const running = vote.value
    if (!running) return { ok: false, reason: 'missing' }
    if (!settled) return { ok: false, reason: 'not-settled' }
    const sheets = sheetsRepository()
    let written = 0
    let missing = 0
    for (const decision of settled) {
      let done = false
      for (let attempt = 0; attempt < 2 && !done; attempt++) {
        const stored = await sheets.getStored(decision.sheetId)
        if (!stored) {
          missing++
          done = true
          break
        }
        const result = await sheets.save(
          {
            ...stored.sheet,
            decision: changeDecision(stored.sheet.decision, {
              status: decision.status,
              reason: reason(decision.points),
              day: running.date,
              source: 'vote',
            }),
          },
          { expectedRevision: stored.revision },
        )
        if (result.ok) {
          written++
          done = true
        } else if (!isSaveConflict(result)) {
          missing++
          done = true
        }
      }
      if (!done) return { ok: false, reason: 'changed' }
    }
    await keep({ ...running, confirmedAt: new Date().toISOString(), updatedAt: new Date().toISOString() })
    return { ok: true, written, missing }
  }

  /**
   * A ballot file from a voter's own device, for the open vote: recorded (channel « fichier »), or a correction of the
   * voter's ballot with `correctionReason`, or nothing when it is the same ballot, another vote's or an unknown voter's.
   */
  async function receiveBallot(ballot: BallotFile, correctionReason: string, channel: Exclude<BallotChannel, 'saisie'> = 'fichier') {
    const receipt = ballotReceipt(current(), ballot)
    if (receipt.kind !== 'record') return receipt
    const result = await recordBallot(ballot.voterId, receipt.rankings, {
      channel,
      reason: receipt.correcting ? correctionReason : '',
    })
    return result.ok ? { kind: receipt.correcting ? ('corrected' as const) : ('recorded' as const) } : { kind: 'invalid' as const }
  }

  /** Stores a vote read from a file as it is (same id: the stored one is replaced by the file's). */
  async function receive(received: Vote): Promise<Vote> {
    await votesRepository().put(received)
    return received
  }

  async function remove(id: string) {
    await votesRepository().remove(id)
    if (vote.value?.id === id) vote.value = undefined
  }

  async function restore(removed: Vote) {
    await votesRepository().put(removed)
  }

  return {
    vote,
    status,
    loadError,
    tallies,
    decisions,
    open,
    close,
    listForWorkshop,
    create,
    addVoter,
    removeVoter,
    recordBallot,
    breakTie,
    confirm,
    receiveBallot,
    receive,
    remove,
    restore,
  }
})
