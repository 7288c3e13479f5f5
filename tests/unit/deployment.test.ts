// The deployment's setting (deployment.json): a server on the app's own origin or none, and the last one read when
// the network is down.
import { describe, expect, it } from 'vitest'
import { readDeployment, readSetting } from '@/services/deployment'

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

const BASE = 'https://fiches.example.fr/'
const answering = (status: number, body: string): typeof fetch => async () => new Response(body, { status })

describe('the server setting', () => {
  it('takes a path of the app’s own origin, with its trailing slash, and the member roles', () => {
    expect(readSetting({ server: { path: '/couchdb', memberRoles: ['atelier', 3, ''] } })).toEqual({ server: { path: '/couchdb/', memberRoles: ['atelier'] } })
    expect(readSetting({ server: { path: '/couchdb/' } })).toEqual({ server: { path: '/couchdb/', memberRoles: [] } })
  })

  it('refuses another origin (the Content-Security-Policy would anyway), and reads anything else as no server', () => {
    for (const path of ['https://couch.example.fr/', '//couch.example.fr/', 'couchdb/', '/\\evil']) expect(readSetting({ server: { path } })).toEqual({ server: null })
    for (const value of [null, 'texte', {}, { server: null }, { server: { path: 3 } }]) expect(readSetting(value)).toEqual({ server: null })
  })
})

describe('reading deployment.json', () => {
  it('reads the file beside index.html, never from a cache, and remembers it', async () => {
    const storage = memoryStorage()
    const asked: [string, RequestInit | undefined][] = []
    const deployment = await readDeployment(
      async (input, init) => {
        asked.push([String(input), init])
        return new Response(JSON.stringify({ server: { path: '/couchdb/', memberRoles: ['atelier'] } }))
      },
      storage,
      BASE,
    )
    expect(deployment.server?.path).toBe('/couchdb/')
    expect(asked).toEqual([['https://fiches.example.fr/deployment.json', { cache: 'no-store' }]])
    // Offline at the next start: the setting last read.
    const offline = await readDeployment(async () => Promise.reject(new TypeError('Failed to fetch')), storage, BASE)
    expect(offline).toEqual(deployment)
  })

  it('reads a missing file or a page that is not JSON as no server, and remembers that too', async () => {
    const storage = memoryStorage()
    await readDeployment(answering(200, JSON.stringify({ server: { path: '/couchdb/' } })), storage, BASE)
    expect(await readDeployment(answering(404, 'introuvable'), storage, BASE)).toEqual({ server: null })
    expect(await readDeployment(async () => Promise.reject(new TypeError('offline')), storage, BASE)).toEqual({ server: null })
    expect(await readDeployment(answering(200, '<!doctype html><title>Fiche</title>'), storage, BASE)).toEqual({ server: null })
  })
})
