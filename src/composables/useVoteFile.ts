// A vote as a file: exported whole (voters, ballots, corrections, the chair's decisions) and read back into any
// copy of the app; or without its ballots for the voters' own devices, whose ballots come back as ballot files. Reading one stores it under its own id, in its workshop (created from the vote when this
// browser does not have it), and says in French what was wrong with a file that is not a vote.
import { useRouter } from 'vue-router'
import type { Vote } from '@/domain/vote'
import type { useVotesStore } from '@/stores/votes'
import { useWorkshopsStore } from '@/stores/workshops'
import { useNotificationsStore } from '@/stores/notifications'
import { describeError } from '@/presentation/error-message'
import { displayText } from '@/presentation/display-text'
import { useTranslate } from './useTranslate'

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

  async function exportVote(vote: Vote) {
    try {
      const [{ voteFileContent, voteFileName }, { downloadText }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/services/download'),
      ])
      const fileName = voteFileName(vote)
      downloadText(fileName, voteFileContent(vote, new Date()))
      notifications.notify(t('vote.file.exported', { file: fileName }))
    } catch (error) {
      notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
    }
  }

  /** The vote without its ballots, for the voters' own devices. */
  async function exportBlank(vote: Vote) {
    try {
      const [{ blankVote, voteFileContent, voteFileName }, { downloadText }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/services/download'),
      ])
      const fileName = voteFileName(vote).replace(/\.json$/, '-electeurs.json')
      downloadText(fileName, voteFileContent(blankVote(vote), new Date()))
      notifications.notify(t('vote.file.exported', { file: fileName }))
    } catch (error) {
      notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
    }
  }

  /** A voter's own ballot as a file, to send to the facilitator. */
  async function exportBallot(vote: Vote, voterId: string) {
    try {
      const [{ ballotFileContent, ballotFileName }, { downloadText }] = await Promise.all([
        import('@/domain/vote-file'),
        import('@/services/download'),
      ])
      const organisation = vote.voters.find((voter) => voter.id === voterId)?.organisation ?? ''
      const fileName = ballotFileName(vote, organisation)
      downloadText(fileName, ballotFileContent(vote, voterId, new Date()))
      notifications.notify(t('vote.file.exported', { file: fileName }))
    } catch (error) {
      notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
    }
  }

  /** Ballot files from the voters' devices, into the open vote; each file says what became of it. */
  async function importBallots(files: readonly File[]) {
    const [{ parseBallotFile }, { describeVoteFileProblem }] = await Promise.all([
      import('@/domain/vote-file'),
      import('@/presentation/vote-file-problem'),
    ])
    for (const file of files) {
      try {
        const parsed = parseBallotFile(await file.text())
        if (!parsed.ok) {
          notifications.notify(t('vote.file.refused', { file: file.name, problem: describeVoteFileProblem(parsed.problem, t) }), {
            tone: 'error',
          })
          continue
        }
        const organisation = displayText(parsed.ballot.organisation)
        const votes = await votesStore()
        const outcome = await votes.receiveBallot(parsed.ballot, t('vote.file.correctionReason'))
        switch (outcome.kind) {
          case 'recorded':
            notifications.notify(t('vote.file.ballotRecorded', { organisation }))
            break
          case 'corrected':
            notifications.notify(t('vote.file.ballotCorrected', { organisation }))
            break
          case 'same':
            notifications.notify(t('vote.file.ballotSame', { organisation }))
            break
          case 'other-vote':
            notifications.notify(t('vote.file.ballotOtherVote', { file: file.name, title: displayText(outcome.voteTitle) }), { tone: 'error' })
            break
          case 'unknown-voter':
            notifications.notify(t('vote.file.ballotUnknownVoter', { file: file.name, organisation }), { tone: 'error' })
            break
          case 'invalid':
            notifications.notify(t('vote.file.ballotInvalid', { file: file.name }), { tone: 'error' })
        }
      } catch (error) {
        notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
      }
    }
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
      notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
      return false
    }
  }

  return { exportVote, exportBlank, exportBallot, importBallots, importVote }
}
