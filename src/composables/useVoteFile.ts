// A vote as a file: exported whole (voters, ballots, corrections, the chair's decisions) and read back into any
// copy of the app; or without its ballots for the voters' own devices, whose ballots come back as ballot files. Reading one stores it under its own id, in its workshop (created from the vote when this
// browser does not have it), and says in French what was wrong with a file that is not a vote.
import { useRouter } from 'vue-router'
import type { BallotChannel, Vote } from '@/domain/vote'
import type { useVotesStore } from '@/stores/votes'
import { useWorkshopsStore } from '@/stores/workshops'
import { useNotificationsStore } from '@/stores/notifications'
import { displayText } from '@/presentation/display-text'
import { useTranslate } from './useTranslate'
import { useAction } from './useAction'

/** What became of a ballot received from a voter's device, in French. */
export type BallotArrival = { ok: true; organisation: string; message: string } | { ok: false; message: string }

export function useVoteFile() {
  const { t } = useTranslate()
  const router = useRouter()
  // The votes store (and the Zod schema it brings) loads on first use: the workshops' list only shows the button.
  let store: ReturnType<typeof useVotesStore> | undefined
  async function votesStore() {
    store ??= (await import('@/stores/votes')).useVotesStore()
    return store
  }
  const workshops = useWorkshopsStore()
  const notifications = useNotificationsStore()
  const { fail: reportFailure } = useAction()

  async function exportVote(vote: Vote) {
    try {
      const [{ voteFileContent }, { voteFileName }, { downloadText }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/domain/file-names'),
        import('@/services/download'),
      ])
      const fileName = voteFileName(vote)
      downloadText(fileName, voteFileContent(vote, new Date()))
      notifications.notify(t('vote.file.exported', { file: fileName }))
    } catch (error) {
      reportFailure(error)
    }
  }

  /** The vote without its ballots, for the voters' own devices. */
  async function exportBlank(vote: Vote) {
    try {
      const [{ blankVote, voteFileContent }, { votersFileName }, { downloadText }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/domain/file-names'),
        import('@/services/download'),
      ])
      const fileName = votersFileName(vote)
      downloadText(fileName, voteFileContent(blankVote(vote), new Date()))
      notifications.notify(t('vote.file.exported', { file: fileName }))
    } catch (error) {
      reportFailure(error)
    }
  }

  /** A voter's own ballot as a file, to send to the facilitator. */
  async function exportBallot(vote: Vote, voterId: string) {
    try {
      const [{ ballotFileContent }, { ballotFileName }, { downloadText }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/domain/file-names'),
        import('@/services/download'),
      ])
      const organisation = vote.voters.find((voter) => voter.id === voterId)?.organisation ?? ''
      const fileName = ballotFileName(vote, organisation)
      downloadText(fileName, ballotFileContent(vote, voterId, new Date()))
      notifications.notify(t('vote.file.exported', { file: fileName }))
    } catch (error) {
      reportFailure(error)
    }
  }

  /**
   * One ballot from a voter's device — a file, a link or QR codes (`source` names it in messages) — into the open
   * vote. Says in French what became of it: `ok` with the organisation when it is recorded (or was already).
   */
  async function receiveBallotText(text: string, source: string, channel: Exclude<BallotChannel, 'saisie'>): Promise<BallotArrival> {
    const [{ parseBallotFile }, { describeVoteFileProblem }] = await Promise.all([
      import('@/domain/vote-file'),
      import('@/presentation/vote-file-problem'),
    ])
    const parsed = parseBallotFile(text)
    if (!parsed.ok) return { ok: false, message: t('vote.file.refused', { file: source, problem: describeVoteFileProblem(parsed.problem, t) }) }
    const organisation = displayText(parsed.ballot.organisation)
    const votes = await votesStore()
    const outcome = await votes.receiveBallot(parsed.ballot, t(`vote.file.correctionReasons.${channel}`), channel)
    switch (outcome.kind) {
      case 'recorded':
        return { ok: true, organisation, message: t('vote.file.ballotRecorded', { organisation }) }
      case 'corrected':
        return { ok: true, organisation, message: t('vote.file.ballotCorrected', { organisation }) }
      case 'same':
        return { ok: true, organisation, message: t('vote.file.ballotSame', { organisation }) }
      case 'other-vote':
        return { ok: false, message: t('vote.file.ballotOtherVote', { file: source, title: displayText(outcome.voteTitle) }) }
      case 'unknown-voter':
        return { ok: false, message: t('vote.file.ballotUnknownVoter', { file: source, organisation }) }
      case 'invalid':
        return { ok: false, message: t('vote.file.ballotInvalid', { file: source }) }
    }
  }

  /** Says what became of a ballot received by file or link, as a notification. */
  async function receiveAndSay(text: () => Promise<string>, source: string, channel: Exclude<BallotChannel, 'saisie'>) {
    try {
      const arrival = await receiveBallotText(await text(), source, channel)
      notifications.notify(arrival.message, arrival.ok ? {} : { tone: 'error' })
    } catch (error) {
      reportFailure(error)
    }
  }

  /** Ballot files from the voters' devices, into the open vote; each file says what became of it. */
  async function importBallots(files: readonly File[]) {
    for (const file of files) await receiveAndSay(() => file.text(), file.name, 'fichier')
  }

  /** A ballot link opened on the facilitator's device (its payload, or 'damaged' when cut on its way). */
  async function receiveBallotLink(payload: string | 'damaged') {
    const { decodePayload } = await import('@/domain/share-code')
    const decoded = payload === 'damaged' ? ({ ok: false } as const) : await decodePayload(payload)
    if (!decoded.ok) {
      notifications.notify(t('vote.share.linkDamaged'), { tone: 'error' })
      return
    }
    await receiveAndSay(async () => new TextDecoder().decode(decoded.bytes), t('vote.share.linkSource'), 'lien')
  }

  /** Reads the file and, when it is a vote, stores it and opens it; true when it did. */
  async function importVote(file: File): Promise<boolean> {
    try {
      const [{ parseVoteFile, supersedes }, { describeVoteFileProblem }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/presentation/vote-file-problem'),
      ])
      const parsed = parseVoteFile(await file.text())
      if (!parsed.ok) {
        notifications.notify(t('vote.file.refused', { file: file.name, problem: describeVoteFileProblem(parsed.problem, t) }), {
          tone: 'error',
        })
        return false
      }
      const received = parsed.vote
      const votes = await votesStore()
      const previous = await votes.listForWorkshop(received.workshopId).then((list) => list.find((vote) => vote.id === received.id))
      if (previous && !supersedes(received, previous)) {
        notifications.notify(t('vote.file.kept', { title: displayText(previous.title) }))
        await router.push({ name: 'vote', params: { id: previous.id } })
        return true
      }
      await votes.receive(received)
      if (!workshops.find(received.workshopId)) {
        await workshops.load()
        if (!workshops.find(received.workshopId))
          await workshops.receive(
            { id: received.workshopId, title: received.title, date: received.date, place: '', facilitator: '' },
            received.groups.flatMap((group) => group.candidates.map((candidate) => candidate.sheetId)),
          )
      }
      notifications.notify(
        t(previous ? 'vote.file.replaced' : 'vote.file.imported', { title: received.title }),
        previous ? { action: { label: t('library.undo'), run: async () => void (await votes.restore(previous)) } } : {},
      )
      await router.push({ name: 'vote', params: { id: received.id } })
      return true
    } catch (error) {
      reportFailure(error)
      return false
    }
  }

  return { exportVote, exportBlank, exportBallot, importBallots, receiveBallotText, receiveBallotLink, importVote }
}
