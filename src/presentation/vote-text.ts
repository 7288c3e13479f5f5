// How a vote's screens say its day and rules, the same on the vote's page and on its results.
import type { Vote } from '@/domain/vote'
import { formatIsoDate } from './format'
import type { Translate } from './translate'

/** « Vote du 5 décembre 2026 · chaque électeur classe jusqu’à 4 projets par groupe (…), 2 retenus par groupe ». */
export function voteDayAndRules(vote: Pick<Vote, 'date' | 'rules'>, t: Translate, middle: string[] = []): string {
  const rules = t('vote.rules', { ranks: vote.rules.ranksPerBallot, best: vote.rules.ranksPerBallot + 1, kept: vote.rules.keptPerGroup })
  return [t('vote.dayOf', { date: formatIsoDate(vote.date) }), ...middle, rules].join(' · ')
}
