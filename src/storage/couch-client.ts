// CouchDB's HTTP API with fetch: the few calls a workshop's sharing needs (the session, a database and its security
// object, _bulk_docs, _changes, a document with its losing revisions). No PouchDB: the server does the replication
// work (revisions, conflicts kept in _conflicts), and this stays a few kilobytes, loaded only when a server is set.
// Every failure becomes a ServerProblem with a code the screens word in French; nothing here knows the app's sheets.

/** What went wrong with the server, for the person: each code has its French sentence. */
export type ServerProblemCode =
  /** Wrong name or password, or the session expired. */
  | 'unauthorized'
  /** Signed in, but this account may not do that (not a member of the database, not allowed to create it). */
  | 'forbidden'
  /** The database does not exist (or was deleted). */
  | 'notFound'
  /** The server refuses to store more (disk full, document too large). */
  | 'full'
  /** No answer: the network is down, the server or its proxy is stopped. */
  | 'unreachable'
  /** An answer that is not CouchDB's (a proxy's error page, a server error). */
  | 'badResponse'

export class ServerProblem extends Error {
  constructor(
    readonly code: ServerProblemCode,
    readonly status?: number,
  ) {
    super(`CouchDB: ${code}${status ? ` (${status})` : ''}`)
    this.name = 'ServerProblem'
  }
}

export function isServerProblem(error: unknown): error is ServerProblem {
  return error instanceof ServerProblem
}

/** A document as CouchDB stores it: the app's content with its id, its revision and the server's markers. */
export interface CouchDocument {
  _id: string
  _rev?: string
  _deleted?: boolean
  /** The losing revisions of a document changed on two sides (asked for with conflicts=true). */
  _conflicts?: string[]
  [field: string]: unknown
}

/** The server's answer for one document of a _bulk_docs write. */
export type WriteOutcome = { id: string; ok: true; rev: string } | { id: string; ok: false; conflict: boolean; problem?: ServerProblemCode }

/** One document's latest state in a _changes page. */
interface DocumentChange {
  id: string
  /** The winning revision. */
  rev: string
  deleted: boolean
  document: CouchDocument
}

export interface ChangesPage {
  changes: DocumentChange[]
  /** Where the next read starts (CouchDB's opaque sequence). */
  lastSeq: string
}

/** Who the server knows this browser as (no name: nobody is signed in). */
export interface ServerSession {
  name: string | null
  roles: string[]
}

/** The security object of a database: who may read and write it (members), and who may change it (admins). */
export interface DatabaseSecurity {
  admins: { names: string[]; roles: string[] }
  members: { names: string[]; roles: string[] }
}

type Fetch = typeof fetch

/**
 * The server at `baseUrl` (an absolute URL ending in a slash, e.g. https://app.example.fr/couchdb/). The browser's
 * own cookie jar carries CouchDB's AuthSession cookie: the app never stores a password.
 */
export function couchServer(baseUrl: string, fetchFunction: Fetch = (input, init) => fetch(input, init)) {
  const url = (path: string) => new URL(path, baseUrl).href

  async function request(path: string, init: RequestInit = {}): Promise<unknown> {
    let response: Response
    try {
      response = await fetchFunction(url(path), {
        ...init,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      })
    } catch (error) {
      // A request the caller cancelled is not a problem of the server.
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw new ServerProblem('unreachable')
    }
    if (response.ok) return readJson(response)
    throw new ServerProblem(problemOf(response.status, await readJson(response).catch(() => undefined)), response.status)
  }

  async function session(): Promise<ServerSession> {
    const answer = (await request('_session')) as { userCtx?: { name?: string | null; roles?: string[] } }
    return { name: answer.userCtx?.name ?? null, roles: answer.userCtx?.roles ?? [] }
  }

  return {
    url: baseUrl,
    session,

    /** Signs in with the server's own account; the server answers with a session cookie, which the browser keeps. */
    async signIn(name: string, password: string): Promise<ServerSession> {
      await request('_session', { method: 'POST', body: JSON.stringify({ name, password }) })
      return session()
    },

    async signOut(): Promise<void> {
      await request('_session', { method: 'DELETE' })
    },

    database(name: string) {
      const path = (rest = '') => `${encodeURIComponent(name)}/${rest}`
      return {
        name,

        /** Whether the database exists and this session may read it (notFound when it does not exist). */
        async open(): Promise<void> {
          await request(path())
        },

        /** Creates the database: only the server's admins may (forbidden otherwise, as CouchDB says 401 there). */
        async create(): Promise<void> {
          try {
            await request(path(), { method: 'PUT' })
          } catch (error) {
            if (isServerProblem(error) && error.code === 'unauthorized' && (await session()).name) throw new ServerProblem('forbidden', error.status)
            throw error
          }
        },

        async setSecurity(security: DatabaseSecurity): Promise<void> {
          await request(path('_security'), { method: 'PUT', body: JSON.stringify(security) })
        },

        /**
         * Writes these documents; each carries the revision it was edited from (none for a new one). A stale
         * revision is a conflict for that document alone: the others are written.
         */
        async write(documents: readonly CouchDocument[]): Promise<WriteOutcome[]> {
          const answer = (await request(path('_bulk_docs'), { method: 'POST', body: JSON.stringify({ docs: documents }) })) as {
            id: string
            rev?: string
            ok?: boolean
            error?: string
          }[]
          return answer.map((outcome) =>
            outcome.rev && !outcome.error
              ? { id: outcome.id, ok: true, rev: outcome.rev }
              : { id: outcome.id, ok: false, conflict: outcome.error === 'conflict', problem: outcomeProblem(outcome.error) },
          )
        },

        /** The document's winning revision with the list of its losing ones (undefined when it never existed). */
        async read(id: string): Promise<CouchDocument | undefined> {
          try {
            return (await request(`${path(encodeURIComponent(id))}?conflicts=true`)) as CouchDocument
          } catch (error) {
            if (isServerProblem(error) && error.code === 'notFound') return undefined
            throw error
          }
        },

        /** These revisions of a document (a losing revision named in _conflicts, say), those that still exist. */
        async readRevisions(id: string, revisions: readonly string[]): Promise<CouchDocument[]> {
          const answer = (await request(`${path(encodeURIComponent(id))}?open_revs=${encodeURIComponent(JSON.stringify(revisions))}`, {
            headers: { accept: 'application/json' },
          })) as { ok?: CouchDocument }[]
          return answer.flatMap((entry) => (entry.ok ? [entry.ok] : []))
        },

        /** Drops a losing revision once the person has decided (its content kept where they chose). */
        async removeRevision(id: string, revision: string): Promise<void> {
          await request(`${path(encodeURIComponent(id))}?rev=${encodeURIComponent(revision)}`, { method: 'DELETE' })
        },

        /**
         * The documents changed since `since` ('0': all of them), with their content and losing revisions. With
         * `waitMs`, the server holds the request until something changes or the time runs out (long polling).
         */
        async changes(since: string, options: { waitMs?: number; signal?: AbortSignal; limit?: number } = {}): Promise<ChangesPage> {
          const query = new URLSearchParams({ since, include_docs: 'true', conflicts: 'true', style: 'main_only' })
          if (options.limit) query.set('limit', String(options.limit))
          if (options.waitMs !== undefined) {
            query.set('feed', 'longpoll')
            query.set('timeout', String(options.waitMs))
          }
          const answer = (await request(`${path('_changes')}?${query}`, { signal: options.signal })) as {
            results: { id: string; changes: { rev: string }[]; deleted?: boolean; doc?: CouchDocument }[]
            last_seq: string | number
          }
          return {
            lastSeq: String(answer.last_seq),
            changes: answer.results.map((result) => ({
              id: result.id,
              rev: result.doc?._rev ?? result.changes[0]?.rev ?? '',
              deleted: result.deleted === true,
              document: result.doc ?? { _id: result.id, _deleted: true },
            })),
          }
        },
      }
    },
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new ServerProblem('badResponse', response.status)
  }
}

/** CouchDB's status codes, and those of a proxy in front of it, as the person's problem. */
function problemOf(status: number, body: unknown): ServerProblemCode {
  const error = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : ''
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status === 413 || status === 507 || error === 'insufficient_storage') return 'full'
  // A proxy whose server is gone answers 502, 503 or 504 with its own page.
  if (status === 502 || status === 503 || status === 504) return 'unreachable'
  return 'badResponse'
}

function outcomeProblem(error: string | undefined): ServerProblemCode | undefined {
  if (!error || error === 'conflict') return undefined
  if (error === 'forbidden') return 'forbidden'
  if (error === 'unauthorized') return 'unauthorized'
  if (error === 'insufficient_storage' || error === 'too_large') return 'full'
  return 'badResponse'
}
