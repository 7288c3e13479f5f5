// The workshop sync between two browser profiles through a CouchDB-compatible server on loopback: each profile has
// its own library, workshops, sync state and cookie jar, as two laptops in two rooms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { couchServer, isServerProblem } from '@/storage/couch-client'
import { createWorkshopSync } from '@/storage/workshop-sync'
import { createSheet, type Sheet } from '@/domain/sheet'
import { ratingFromSheet } from '@/domain/rating'
import { workshopDatabaseName } from '@/domain/shared-workshop'
import { COUCH_ADMIN, startCouchServer } from '../support/couch-server.mjs'
import { browserProfileFetch } from '../support/couch-profile'
import { createMemoryRepository } from '../support/memory-repository'
import { createMemoryWorkshops } from '../support/memory-workshops'
import { createMemorySyncState } from '../support/memory-sync-state'
import { createMemoryVotes } from '../support/memory-votes'
import { addVoter, createVote, recordBallot, type Vote } from '@/domain/vote'

type TestServer = Awaited<ReturnType<typeof startCouchServer>>
let server: TestServer

const MEMBERS = { admins: { names: [], roles: [] }, members: { names: [], roles: ['atelier'] } }

beforeAll(async () => {
  server = await startCouchServer()
  await server.addUser('camille', 'mdp-camille', ['atelier'])
  await server.addUser('dominique', 'mdp-dominique', ['atelier'])
})

afterAll(async () => {
  await server.stop()
})

type Library = ReturnType<typeof createMemoryRepository>['repository']

/** `syncSees` lets a test stand between the sync and the library (to count its writes, or edit meanwhile). */
async function profile(name: string, password: string, sheets: Sheet[] = [], syncSees: (library: Library) => Library = (library) => library) {
  const network = browserProfileFetch()
  const client = couchServer(`${server.url}/`, network)
  await client.signIn(name, password)
  const library = createMemoryRepository(sheets)
  const workshops = createMemoryWorkshops()
  const votes = createMemoryVotes()
  const sync = createWorkshopSync({
    server: client,
    sheets: syncSees(library.repository),
    workshops: workshops.repository,
    votes: votes.repository,
    state: createMemorySyncState(),
    security: () => MEMBERS,
    voteCopyTitle: (title) => `${title} (autre version)`,
  })
  return { network, library: library.repository, workshops: workshops.repository, votes: votes.repository, sync }
}

function sheetsOfTheRoom(count: number): Sheet[] {
  return Array.from({ length: count }, (_, index) => createSheet({ title: `Projet ${index + 1}`, organisation: `Commune ${index + 1}` }))
}

/** A facilitator (a server admin) shares a workshop of these sheets; a participant joins it. */
async function sharedWorkshop(count = 6) {
  const room = sheetsOfTheRoom(count)
  const facilitator = await profile(COUCH_ADMIN.name, COUCH_ADMIN.password, room)
  const workshop = await facilitator.workshops.create({ title: 'Parcours data — Lyon', date: '2026-12-04', place: 'Salle 2', facilitator: 'Sam' }, room.map((sheet) => sheet.id))
  const shared = await facilitator.sync.share(workshop.id)
  const participant = await profile('camille', 'mdp-camille')
  const joined = await participant.sync.join(workshop.id)
  return { room, workshop, facilitator, participant, shared, joined }
}

async function edit(side: Awaited<ReturnType<typeof profile>>, id: string, change: (sheet: Sheet) => void) {
  const sheet = structuredClone((await side.library.get(id))!)
  change(sheet)
  const saved = await side.library.save(sheet)
  expect(saved.ok).toBe(true)
}

describe('sharing a workshop', () => {
  it('sends a workshop of 6 sheets; a participant who joins gets its details and its 6 sheets', async () => {
    const { room, workshop, participant, shared, joined } = await sharedWorkshop(6)
    expect(shared.sent).toBe(7)
    expect(joined.received).toBe(6)
    const there = await participant.workshops.get(workshop.id)
    expect(there).toMatchObject({ title: 'Parcours data — Lyon', date: '2026-12-04', place: 'Salle 2', facilitator: 'Sam' })
    expect([...there!.sheetIds].sort()).toEqual(room.map((sheet) => sheet.id).sort())
    expect((await participant.library.get(room[2]!.id))?.project.title).toBe('Projet 3')
    expect(await participant.sync.pendingCount(workshop.id)).toBe(0)
  })

  it('brings an edit made on each side to the other, and counts what waits to be sent', async () => {
    const { room, workshop, facilitator, participant } = await sharedWorkshop(6)
    await edit(facilitator, room[0]!.id, (sheet) => (sheet.project.problem = 'Réduire la facture énergétique'))
    await edit(participant, room[1]!.id, (sheet) => (sheet.author = 'Camille Martin'))
    expect(await facilitator.sync.pendingCount(workshop.id)).toBe(1)
    expect((await facilitator.sync.round(workshop.id)).sent).toBe(1)
    expect((await participant.sync.round(workshop.id)).sent).toBe(1)
    await facilitator.sync.round(workshop.id)
    expect((await participant.library.get(room[0]!.id))?.project.problem).toBe('Réduire la facture énergétique')
    expect((await facilitator.library.get(room[1]!.id))?.author).toBe('Camille Martin')
    expect(await facilitator.sync.pendingCount(workshop.id)).toBe(0)
    expect(await participant.sync.pendingCount(workshop.id)).toBe(0)
  })

  it('brings the ratings of the member sheets both ways, and a rating removed on one side leaves the other', async () => {
    const { room, workshop, facilitator, participant } = await sharedWorkshop(2)
    const scored = { ...structuredClone(room[0]!), author: 'Dominique' }
    scored.radar.rgpd.prototype = 3
    const rating = ratingFromSheet(scored, { source: 'fichier', now: new Date('2026-12-04T10:00:00Z') })
    await facilitator.library.putRating(rating)
    expect(await facilitator.sync.pendingCount(workshop.id)).toBe(1)
    await facilitator.sync.round(workshop.id)
    expect(await facilitator.sync.pendingCount(workshop.id)).toBe(0)
    await participant.sync.round(workshop.id)
    expect(await participant.library.listRatings(room[0]!.id)).toEqual([rating])

    await participant.library.removeRating(rating.id)
    expect(await participant.sync.pendingCount(workshop.id)).toBe(1)
    await participant.sync.round(workshop.id)
    await facilitator.sync.round(workshop.id)
    expect(await facilitator.library.listRatings(room[0]!.id)).toEqual([])
    expect(await participant.sync.pendingCount(workshop.id)).toBe(0)
  })

  it('takes a page of the server’s sheets in one write; one edited here meanwhile waits for the next round, then merges', async () => {
    const room = sheetsOfTheRoom(20)
    const facilitator = await profile(COUCH_ADMIN.name, COUCH_ADMIN.password, room)
    const workshop = await facilitator.workshops.create({ title: 'Comité régional', date: null, place: '', facilitator: '' }, room.map((sheet) => sheet.id))
    await facilitator.sync.share(workshop.id)
    const writes: number[] = []
    let meanwhile: (() => Promise<void>) | undefined
    const participant = await profile('camille', 'mdp-camille', [], (library) => ({
      ...library,
      async importSheets(sheets, options) {
        writes.push(sheets.length)
        const editing = meanwhile
        meanwhile = undefined
        await editing?.()
        return library.importSheets(sheets, options)
      },
    }))
    expect((await participant.sync.join(workshop.id)).received).toBe(20)
    expect(writes).toEqual([20])
    expect((await participant.workshops.get(workshop.id))?.sheetIds).toHaveLength(20)

    for (const sheet of room.slice(0, 3)) await edit(facilitator, sheet.id, (edited) => (edited.project.problem = 'Revu par Sam'))
    await facilitator.sync.round(workshop.id)
    writes.length = 0
    // Camille types in the first of them while the server's versions are being written.
    meanwhile = () => edit(participant, room[0]!.id, (edited) => (edited.author = 'Camille'))
    const round = await participant.sync.round(workshop.id)
    // The batch went without the sheet being typed in; the same round's sending met the server's version of it and
    // merged the two (different fields), to be sent at the next round.
    expect(writes).toEqual([3, 2])
    expect(round.received).toBe(3)
    expect(await participant.library.get(room[0]!.id)).toMatchObject({ author: 'Camille', project: { problem: 'Revu par Sam' } })
    expect(await participant.sync.pendingCount(workshop.id)).toBe(1)

    await participant.sync.round(workshop.id)
    await facilitator.sync.round(workshop.id)
    for (const side of [facilitator, participant]) {
      expect(await side.library.get(room[0]!.id)).toMatchObject({ author: 'Camille', project: { problem: 'Revu par Sam' } })
      expect((await side.library.get(room[1]!.id))?.project.problem).toBe('Revu par Sam')
    }
  })

  it('refuses to create a workshop’s database for an account that is not a server admin', async () => {
    const participant = await profile('dominique', 'mdp-dominique', sheetsOfTheRoom(1))
    const workshop = await participant.workshops.create({ title: 'Atelier local', date: null, place: '', facilitator: '' })
    const refused = await participant.sync.share(workshop.id).catch((error: unknown) => error)
    expect(isServerProblem(refused) && refused.code).toBe('forbidden')
  })
})

describe('two sides edit the same sheet', () => {
  it('merges edits of different fields without a question', async () => {
    const { room, workshop, facilitator, participant } = await sharedWorkshop(2)
    const id = room[0]!.id
    await edit(facilitator, id, (sheet) => (sheet.project.problem = 'Objectif du facilitateur'))
    await edit(participant, id, (sheet) => (sheet.author = 'Camille'))
    await facilitator.sync.round(workshop.id)
    const merged = await participant.sync.round(workshop.id)
    expect(merged.conflicts).toBe(0)
    await facilitator.sync.round(workshop.id)
    for (const side of [facilitator, participant]) {
      expect(await side.library.get(id)).toMatchObject({ author: 'Camille', project: { problem: 'Objectif du facilitateur' } })
    }
  })

  it('asks when the same field changed on both sides while one was offline; « Garder les deux » keeps both texts on both sides', async () => {
    const { room, workshop, facilitator, participant } = await sharedWorkshop(3)
    const id = room[0]!.id
    participant.network.offline = true
    await edit(participant, id, (sheet) => (sheet.project.description = 'Texte écrit hors ligne'))
    const offline = await participant.sync.round(workshop.id).catch((error: unknown) => error)
    expect(isServerProblem(offline) && offline.code).toBe('unreachable')
    expect(await participant.sync.pendingCount(workshop.id)).toBe(1)

    await edit(facilitator, id, (sheet) => (sheet.project.description = 'Texte du facilitateur'))
    await facilitator.sync.round(workshop.id)

    participant.network.offline = false
    const back = await participant.sync.round(workshop.id)
    expect(back.conflicts).toBe(1)
    const [conflict] = await participant.sync.conflicts(workshop.id)
    expect(conflict).toMatchObject({ sheetId: id, fields: ['project.description'] })
    expect(conflict?.mine.project.description).toBe('Texte écrit hors ligne')
    expect(conflict?.theirs.project.description).toBe('Texte du facilitateur')
    // Waiting for the person: neither sent nor overwritten.
    expect((await participant.library.get(id))?.project.description).toBe('Texte écrit hors ligne')

    const copy = await participant.sync.resolve(workshop.id, id, 'both', (mine) => ({
      ...mine,
      id: crypto.randomUUID(),
      project: { ...mine.project, title: `${mine.project.title} (copie)` },
    }))
    expect(await participant.sync.conflicts(workshop.id)).toEqual([])
    await participant.sync.round(workshop.id)
    await facilitator.sync.round(workshop.id)
    for (const side of [facilitator, participant]) {
      const there = await side.workshops.get(workshop.id)
      const texts = (await side.library.getMany(there!.sheetIds)).map((sheet) => sheet.project.description)
      expect(texts).toEqual(expect.arrayContaining(['Texte écrit hors ligne', 'Texte du facilitateur']))
      expect(there!.sheetIds).toContain(copy!.id)
    }
  })

  it('keeps a sheet deleted on the server but edited here, and sends it back', async () => {
    const { room, workshop, facilitator, participant } = await sharedWorkshop(2)
    const id = room[1]!.id
    const onServer = await server.readDocument(workshopDatabaseName(workshop.id), `sheet:${id}`)
    await edit(participant, id, (sheet) => (sheet.author = 'Camille, hors ligne'))
    // Someone deletes the document on the server meanwhile.
    const deletion = await fetch(`${server.url}/${workshopDatabaseName(workshop.id)}/sheet:${id}?rev=${onServer._rev}`, {
      method: 'DELETE',
      headers: { authorization: `Basic ${Buffer.from(`${COUCH_ADMIN.name}:${COUCH_ADMIN.password}`).toString('base64')}` },
    })
    expect(deletion.status).toBe(200)
    const round = await participant.sync.round(workshop.id)
    expect(round.keptDeletedThere).toEqual([id])
    await participant.sync.round(workshop.id)
    expect(await participant.sync.pendingCount(workshop.id)).toBe(0)
    await facilitator.sync.round(workshop.id)
    expect((await facilitator.library.get(id))?.author).toBe('Camille, hors ligne')
  })
})

describe('two versions kept by the server', () => {
  it('surfaces CouchDB’s losing revision as a question, and removes it from the server only once the person chose', async () => {
    const { room, workshop, participant } = await sharedWorkshop(2)
    const id = room[0]!.id
    const database = workshopDatabaseName(workshop.id)
    const current = await server.readDocument(database, `sheet:${id}`)
    // Two replicas of the server, each written offline, meet: CouchDB keeps both versions.
    const parent = current._rev.split('-')[1]
    const version = (hash: string, problem: string) => ({
      ...current,
      _rev: `2-${hash}`,
      _revisions: { start: 2, ids: [hash, parent] },
      sheet: { ...(current.sheet as Sheet), project: { ...(current.sheet as Sheet).project, problem } },
    })
    const written = await fetch(`${server.url}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${COUCH_ADMIN.name}:${COUCH_ADMIN.password}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ new_edits: false, docs: [version('aaaa', 'Version du réplica A'), version('ffff', 'Version du réplica B')] }),
    })
    expect(written.status).toBe(201)

    const round = await participant.sync.round(workshop.id)
    expect(round.conflicts).toBe(1)
    const [conflict] = await participant.sync.conflicts(workshop.id)
    expect(conflict?.losingRev).toBeDefined()
    expect([conflict?.mine.project.problem, conflict?.theirs.project.problem].sort()).toEqual(['Version du réplica A', 'Version du réplica B'])
    expect(conflict?.fields).toEqual(['project.problem'])
    // Still on the server until the person chooses.
    expect((await server.readDocument(database, `sheet:${id}`))._conflicts).toHaveLength(1)

    const copy = await participant.sync.resolve(workshop.id, id, 'both', (sheet) => ({ ...sheet, id: crypto.randomUUID() }))
    expect((await server.readDocument(database, `sheet:${id}`))._conflicts).toBeUndefined()
    expect(copy?.project.problem).toBe(conflict?.theirs.project.problem)
    expect((await participant.workshops.get(workshop.id))?.sheetIds).toContain(copy!.id)
    await participant.sync.round(workshop.id)
    expect(await participant.sync.pendingCount(workshop.id)).toBe(0)
  })
})

describe('a committee’s vote', () => {
  it('goes to the other profile, and ballots recorded on both sides while one was offline end in one vote', async () => {
    const { room, workshop, facilitator, participant } = await sharedWorkshop(3)
    const groupId = crypto.randomUUID()
    let vote: Vote = createVote({
      workshopId: workshop.id,
      title: 'Priorisation',
      date: '2026-12-04',
      groups: [{ id: groupId, label: 'Mobilités', candidates: room.map((sheet) => ({ sheetId: sheet.id, label: sheet.project.title })) }],
      now: new Date('2026-12-04T14:00:00Z'),
    })
    for (const organisation of ['Région', 'Département']) {
      const added = addVoter(vote, { organisation }, new Date('2026-12-04T14:01:00Z'))
      if (!added.ok) throw new Error(organisation)
      vote = added.vote
    }
    await facilitator.votes.put(vote)
    await facilitator.sync.round(workshop.id)
    await participant.sync.round(workshop.id)
    expect(await participant.votes.get(vote.id)).toEqual(vote)

    const ballot = (current: Vote, voter: number, minute: number) => {
      const recorded = recordBallot(current, { voterId: current.voters[voter]!.id, rankings: { [groupId]: [room[voter]!.id] } }, new Date(Date.UTC(2026, 11, 4, 14, minute)))
      if (!recorded.ok) throw new Error('ballot')
      return recorded.vote
    }
    participant.network.offline = true
    await participant.votes.put(ballot((await participant.votes.get(vote.id))!, 0, 10))
    await facilitator.votes.put(ballot((await facilitator.votes.get(vote.id))!, 1, 11))
    await facilitator.sync.round(workshop.id)
    participant.network.offline = false
    await participant.sync.round(workshop.id)
    await facilitator.sync.round(workshop.id)
    for (const side of [facilitator, participant]) {
      expect((await side.votes.get(vote.id))?.ballots).toHaveLength(2)
      expect(await side.sync.pendingCount(workshop.id)).toBe(0)
    }
  })
})
