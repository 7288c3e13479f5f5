// The CouchDB client against a CouchDB-compatible server on loopback (express-pouchdb in memory), as a browser uses
// it: signed in with a session cookie, no password kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { couchServer, isServerProblem, type ServerProblemCode } from '@/storage/couch-client'
import { COUCH_ADMIN, startCouchServer } from '../support/couch-server.mjs'
import { browserProfileFetch } from '../support/couch-profile'

type TestServer = Awaited<ReturnType<typeof startCouchServer>>
let server: TestServer

async function problemOf(promise: Promise<unknown>): Promise<ServerProblemCode | 'none'> {
  try {
    await promise
    return 'none'
  } catch (error) {
    if (isServerProblem(error)) return error.code
    throw error
  }
}

const security = { admins: { names: [], roles: [] }, members: { names: [], roles: ['atelier'] } }

beforeAll(async () => {
  server = await startCouchServer()
  await server.addUser('alice', 'mot-de-passe-alice', ['atelier'])
  await server.addUser('bob', 'mot-de-passe-bob', ['atelier'])
  await server.addUser('eve', 'mot-de-passe-eve', [])
})

afterAll(async () => {
  await server.stop()
})

function signedIn(name: string, password: string) {
  const client = couchServer(`${server.url}/`, browserProfileFetch())
  return client.signIn(name, password).then(() => client)
}

describe('the session', () => {
  it('signs in with the server’s account and says who is signed in', async () => {
    const client = couchServer(`${server.url}/`, browserProfileFetch())
    expect(await client.session()).toEqual({ name: null, roles: [] })
    expect(await client.signIn('alice', 'mot-de-passe-alice')).toEqual({ name: 'alice', roles: ['atelier'] })
    await client.signOut()
    expect((await client.session()).name).toBeNull()
  })

  it('refuses a wrong password as unauthorized', async () => {
    const client = couchServer(`${server.url}/`, browserProfileFetch())
    expect(await problemOf(client.signIn('alice', 'pas-le-bon'))).toBe('unauthorized')
  })
})

describe('a workshop database', () => {
  it('may be created by a server admin only: a member is told forbidden, an unknown visitor unauthorized', async () => {
    const alice = await signedIn('alice', 'mot-de-passe-alice')
    expect(await problemOf(alice.database('atelier-refuse').create())).toBe('forbidden')
    const visitor = couchServer(`${server.url}/`, browserProfileFetch())
    expect(await problemOf(visitor.database('atelier-refuse').create())).toBe('unauthorized')
    const admin = await signedIn(COUCH_ADMIN.name, COUCH_ADMIN.password)
    await admin.database('atelier-cree').create()
    await admin.database('atelier-cree').setSecurity(security)
    await alice.database('atelier-cree').open()
  })

  it('is closed to an account that is not a member, and says notFound when it does not exist', async () => {
    await server.createDatabase('atelier-membres', security)
    const eve = await signedIn('eve', 'mot-de-passe-eve')
    expect(await problemOf(eve.database('atelier-membres').open())).toBe('unauthorized')
    const alice = await signedIn('alice', 'mot-de-passe-alice')
    expect(await problemOf(alice.database('atelier-inconnu').open())).toBe('notFound')
  })
})

describe('documents', () => {
  it('writes with revisions: a stale revision is a conflict for that document alone', async () => {
    await server.createDatabase('atelier-revisions', security)
    const alice = (await signedIn('alice', 'mot-de-passe-alice')).database('atelier-revisions')
    const bob = (await signedIn('bob', 'mot-de-passe-bob')).database('atelier-revisions')
    const [first] = await alice.write([{ _id: 'sheet:1', title: 'Éclairage public' }])
    expect(first).toMatchObject({ id: 'sheet:1', ok: true })
    const rev = first?.ok ? first.rev : ''
    const [bobs] = await bob.write([{ _id: 'sheet:1', _rev: rev, title: 'Éclairage public (Bob)' }])
    expect(bobs?.ok).toBe(true)
    const outcomes = await alice.write([
      { _id: 'sheet:1', _rev: rev, title: 'Éclairage public (Alice)' },
      { _id: 'sheet:2', title: 'Cantines' },
    ])
    expect(outcomes[0]).toEqual({ id: 'sheet:1', ok: false, conflict: true, problem: undefined })
    expect(outcomes[1]).toMatchObject({ id: 'sheet:2', ok: true })
    expect((await alice.read('sheet:1'))?.title).toBe('Éclairage public (Bob)')
    expect(await alice.read('sheet:absente')).toBeUndefined()
  })

  it('hands the changes since a sequence, deletions included, and waits for the next one when asked', async () => {
    await server.createDatabase('atelier-changements', security)
    const alice = (await signedIn('alice', 'mot-de-passe-alice')).database('atelier-changements')
    const bob = (await signedIn('bob', 'mot-de-passe-bob')).database('atelier-changements')
    const written = await alice.write([{ _id: 'sheet:a', title: 'A' }, { _id: 'sheet:b', title: 'B' }])
    const all = await bob.changes('0')
    expect(all.changes.map((change) => [change.id, change.document.title]).sort()).toEqual([['sheet:a', 'A'], ['sheet:b', 'B']])

    const removed = written[1]
    await alice.write([{ _id: 'sheet:b', _rev: removed?.ok ? removed.rev : '', _deleted: true }])
    const afterDeletion = await bob.changes(all.lastSeq)
    expect(afterDeletion.changes).toEqual([expect.objectContaining({ id: 'sheet:b', deleted: true })])

    const waiting = bob.changes(afterDeletion.lastSeq, { waitMs: 30_000 })
    await alice.write([{ _id: 'sheet:c', title: 'C' }])
    expect((await waiting).changes.map((change) => change.id)).toEqual(['sheet:c'])
  })

  it('keeps both sides of a conflict: the losing revision is named in _conflicts and can be read', async () => {
    await server.createDatabase('atelier-conflits', security)
    const alice = (await signedIn('alice', 'mot-de-passe-alice')).database('atelier-conflits')
    // Two offline copies of the same document meeting on the server, as replication delivers them.
    await alice.write([{ _id: 'sheet:x', title: 'Version commune' }])
    const common = await alice.read('sheet:x')
    const bulk = await fetch(`${server.url}/atelier-conflits/_bulk_docs`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${COUCH_ADMIN.name}:${COUCH_ADMIN.password}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        new_edits: false,
        docs: [
          { _id: 'sheet:x', _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', common?._rev?.split('-')[1]] }, title: 'Version A' },
          { _id: 'sheet:x', _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', common?._rev?.split('-')[1]] }, title: 'Version B' },
        ],
      }),
    })
    expect(bulk.status).toBe(201)
    const winner = await alice.read('sheet:x')
    expect(winner?._conflicts).toHaveLength(1)
    const losing = await alice.readRevisions('sheet:x', winner?._conflicts ?? [])
    expect([winner?.title, losing[0]?.title].sort()).toEqual(['Version A', 'Version B'])
    const page = await alice.changes('0')
    expect(page.changes[0]?.document._conflicts).toEqual(winner?._conflicts)

    await alice.removeRevision('sheet:x', winner?._conflicts?.[0] ?? '')
    expect((await alice.read('sheet:x'))?._conflicts).toBeUndefined()
  })
})

describe('a server that is gone', () => {
  it('is unreachable, not an error of the app', async () => {
    const gone = await startCouchServer()
    const client = couchServer(`${gone.url}/`, browserProfileFetch())
    await gone.stop()
    expect(await problemOf(client.session())).toBe('unreachable')
  })

  it('reads a proxy’s error page for a stopped server as unreachable, and a page that is not JSON as badResponse', async () => {
    const proxyAnswer = (status: number, body: string) => couchServer('http://proxy.test/couchdb/', async () => new Response(body, { status }))
    expect(await problemOf(proxyAnswer(502, '<html>Bad Gateway</html>').session())).toBe('unreachable')
    expect(await problemOf(proxyAnswer(507, '{"error":"insufficient_storage"}').database('x').write([{ _id: 'a' }]))).toBe('full')
    expect(await problemOf(proxyAnswer(200, '<html>portail captif</html>').session())).toBe('badResponse')
  })
})
