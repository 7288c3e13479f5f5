// Why a vote file was not read, in French: the vote.file.* messages, with the file's size as the app writes sizes.
import type { VoteFileProblem } from '@/domain/vote-file'
import { formatBytes } from './format'
import type { Translate } from './translate'

/** The vote's own rules (vote.ts) said in French; Zod's generic messages (in English) become « valeur invalide ». */
const KNOWN_ISSUES = [
  'candidate-in-two-groups',
  'duplicate-organisation',
  'duplicate-voter',
  'unknown-voter',
  'two-ballots',
  'unknown-group',
  'unknown-candidate',
  'repeated-candidate',
  'too-many',
]

/** « vote.ballots.1.voterId : unknown-voter » → « vote.ballots.1.voterId : bulletin d’un électeur non déclaré ». */
function frenchDetail(detail: string, t: Translate): string {
  const cut = detail.lastIndexOf(' : ')
  const path = cut >= 0 ? detail.slice(0, cut) : ''
  const code = cut >= 0 ? detail.slice(cut + 3) : detail
  const said = t(`vote.file.issues.${KNOWN_ISSUES.includes(code) ? code : 'other'}`)
  return path ? `${path} : ${said}` : said
}

export function describeVoteFileProblem(problem: VoteFileProblem, t: Translate): string {
  switch (problem.kind) {
    case 'not-json':
      return t('vote.file.notJson')
    case 'not-vote':
      return t('vote.file.notVote')
    case 'not-ballot':
      return t('vote.file.notBallot')
    case 'newer':
      return t('vote.file.newer', { version: problem.version })
    case 'invalid':
      return t('vote.file.invalid', { detail: frenchDetail(problem.detail, t) })
    case 'too-large':
      return t('vote.file.tooLarge', { size: formatBytes(problem.size) })
  }
}
