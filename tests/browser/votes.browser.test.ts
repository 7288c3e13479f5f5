// Votes on IndexedDB through Dexie, in Chromium: a whole vote (voters, ballots, history) is stored in one record and
// read back as it was, a workshop's votes are found by its id, and another tab's changes reach an open vote.
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { addVoter, createVote, recordBallot, type Vote } from '@/domain/vote'
import { SheetDatabase } from '@/storage/db'
import { createVotesRepository } from '@/storage/votes-repository'

const DB_PREFIX = 'votes-'
const opened: Dexie[] = []

function database(name = `${DB_PREFIX}${crypto.randomUUID()}`) {
  const db = new SheetDatabase(name)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const NOW = new Date('2026-12-05T14:00:00+01:00')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
const WORKSHOP = crypto.randomUUID()
const OTHER_WORKSHOP = crypto.randomUUID()

/** A vote of 2 groups, 2 voters and 2 ballots, the second one corrected: every part of the record is filled. */
function castVote(title = 'Vote du comité', workshopId = WORKSHOP, at = NOW): Vote {
  const [a, b, c, d] = Array.from({ length: 4 }, () => crypto.randomUUID())
  let vote = createVote({
    workshopId,
    title,
    date: '2026-12-05',
    groups: [
      { label: 'Mobilités', candidates: [{ sheetId: a!, label: 'Covoiturage' }, { sheetId: b!, label: 'Flux' }] },
      { label: 'Santé', candidates: [{ sheetId: c!, label: 'Offre de soins' }, { sheetId: d!, label: 'Canicule' }] },
    ],
    rules: { ranksPerBallot: 2, keptPerGroup: 1 },
    now: at,
  })
  const [mobility, health] = vote.groups
  const voterIds: string[] = []
  for (const organisation of ['Région Occitanie', 'Métropole']) {
    const added = addVoter(vote, { organisation }, at)
    if (!added.ok) throw new Error(added.problem)
    vote = added.vote
    voterIds.push(added.voter.id)
  }
  const ballots = [
    { voterId: voterIds[0]!, rankings: { [mobility!.id]: [a!, b!], [health!.id]: 'abstention' as const } },
    { voterId: voterIds[1]!, rankings: { [mobility!.id]: [b!], [health!.id]: [d!, c!] } },
    { voterId: voterIds[1]!, rankings: { [mobility!.id]: [b!, a!], [health!.id]: [d!] } },
  ]
  ballots.forEach((ballot, index) => {
    const recorded = recordBallot(vote, ballot, new Date(at.getTime() + (index + 1) * 60_000), index === 2 ? 'Erreur de saisie' : '')
    if (!recorded.ok) throw new Error(recorded.problem.kind)
    vote = recorded.vote
  })
  return vote
}

describe('votes in Chromium', () => {
  it('stores a whole vote and reads it back unchanged after the database is closed and reopened', async () => {
    const name = `${DB_PREFIX}${crypto.randomUUID()}`
    const vote = castVote()
    expect(vote.ballots).toHaveLength(2)
    expect(vote.history.map((event) => event.kind)).toEqual(['enregistre', 'enregistre', 'corrige'])

    const first = database(name)
    await createVotesRepository(first).put(vote)
    first.close()

    const reopened = createVotesRepository(database(name))
    expect(await reopened.get(vote.id)).toEqual(vote)
    expect(await reopened.get(crypto.randomUUID())).toBeUndefined()
  })

  it('lists only the workshop’s votes, the most recently changed first', async () => {
    const votes = createVotesRepository(database())
    const older = castVote('Premier tour', WORKSHOP, NOW)
    const newer = castVote('Second tour', WORKSHOP, later(60))
    const elsewhere = castVote('Autre atelier', OTHER_WORKSHOP, later(120))
    // Stored in another order than their dates: the list sorts them.
    for (const vote of [newer, elsewhere, older]) await votes.put(vote)

    expect((await votes.listForWorkshop(WORKSHOP)).map((vote) => vote.title)).toEqual(['Second tour', 'Premier tour'])
    expect((await votes.listForWorkshop(OTHER_WORKSHOP)).map((vote) => vote.id)).toEqual([elsewhere.id])
    expect(await votes.listForWorkshop(crypto.randomUUID())).toEqual([])

    await votes.remove(newer.id)
    expect((await votes.listForWorkshop(WORKSHOP)).map((vote) => vote.id)).toEqual([older.id])
  })

  it('tells an open vote about a change made through another connection (another tab), and about its removal', async () => {
    const name = `${DB_PREFIX}${crypto.randomUUID()}`
    const here = createVotesRepository(database(name))
    const elsewhere = createVotesRepository(database(name))
    const vote = castVote()
    await here.put(vote)

    const heard: (Vote | undefined)[] = []
    const stop = here.observe(vote.id, (next) => heard.push(next))
    // The vote as it is when observed is not a change.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(heard).toEqual([])

    const renamed = { ...vote, title: 'Renommé dans l’autre onglet', updatedAt: later(30).toISOString() }
    await elsewhere.put(renamed)
    await expect.poll(() => heard.at(-1), { timeout: 5_000 }).toEqual(renamed)

    await elsewhere.remove(vote.id)
    await expect.poll(() => heard.length > 0 && heard.at(-1) === undefined, { timeout: 5_000 }).toBe(true)
    stop()
  })
})
