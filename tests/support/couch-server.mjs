// A CouchDB-compatible server on loopback, for tests only: express-pouchdb on PouchDB's in-memory adapter. CouchDB
// itself cannot be installed on the machines that run these tests (no Debian package, no container registry); this
// speaks the same HTTP API (_session, _security, _bulk_docs, _changes, _rev, _conflicts) and forgets everything when
// it stops.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import express from 'express'
import PouchDB from 'pouchdb-core'
import memoryAdapter from 'pouchdb-adapter-memory'
import expressPouchdb from 'express-pouchdb'
import mapreduce from 'pouchdb-mapreduce'
import replication from 'pouchdb-replication'

export const COUCH_ADMIN = { name: 'admin', password: 'admin-secret' }

// express-pouchdb's _users and _replicator set-up needs map/reduce and replication: without them it fails at start.
// Plugins change PouchDB's class for the whole process: installed once.
const MemoryPouch = PouchDB.plugin(memoryAdapter).plugin(mapreduce).plugin(replication)
let servers = 0

/**
 * Starts the server on 127.0.0.1:port (0: any free port), with one server admin (COUCH_ADMIN). Resolves once it
 * listens; `stop()` closes it and drops every database.
 */
export async function startCouchServer(port = 0) {
  // Each server names its databases with its own prefix, so two servers in one process share none.
  servers += 1
  const ServerPouch = MemoryPouch.defaults({ adapter: 'memory', prefix: `server-${servers}-` })
  const couch = expressPouchdb(ServerPouch, {
    inMemoryConfig: true,
    mode: 'fullCouchDB',
    // Its request log goes out of the working tree.
    logPath: join(tmpdir(), 'fiche-projet-data-couch.log'),
  })
  const app = express()
  let url = ''
  app.use(refuseDatabaseCreationToNonAdmins(() => url))
  app.use('/', couch)
  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening))
    listening.on('error', reject)
  })
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  url = `http://127.0.0.1:${server.address().port}`
  const adminHeaders = {
    authorization: `Basic ${Buffer.from(`${COUCH_ADMIN.name}:${COUCH_ADMIN.password}`).toString('base64')}`,
    'content-type': 'application/json',
  }
  const asAdmin = async (path, method, body) => {
    const response = await fetch(url + path, { method, headers: adminHeaders, body: body === undefined ? undefined : JSON.stringify(body) })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return response.json()
  }
  await fetch(`${url}/_config/admins/${COUCH_ADMIN.name}`, { method: 'PUT', body: JSON.stringify(COUCH_ADMIN.password) })

  return {
    url,
    /** A server account (CouchDB's _users database), with these roles. */
    addUser: (name, password, roles = []) =>
      asAdmin(`/_users/org.couchdb.user:${encodeURIComponent(name)}`, 'PUT', { name, password, roles, type: 'user' }),
    /** A database created by the admin, with this security object (members and admins). */
    createDatabase: async (name, security) => {
      await asAdmin(`/${encodeURIComponent(name)}`, 'PUT')
      if (security) await asAdmin(`/${encodeURIComponent(name)}/_security`, 'PUT', security)
    },
    /** A document as the server holds it, read by the admin (with its losing revisions). */
    readDocument: (database, id) => asAdmin(`/${encodeURIComponent(database)}/${encodeURIComponent(id)}?conflicts=true`, 'GET'),
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/**
 * CouchDB answers a database creation by anyone but a server admin with 401; express-pouchdb 4.2 throws there and
 * brings the whole process down. Ask the server who the request is (its own /_session, with the request's
 * credentials), and answer as CouchDB does.
 */
function refuseDatabaseCreationToNonAdmins(ownUrl) {
  return async (request, response, next) => {
    const isDatabaseCreation = request.method === 'PUT' && /^\/[a-z][^/]*\/?$/.test(request.path)
    if (!isDatabaseCreation) return next()
    const credentials = {}
    if (request.headers.cookie) credentials.cookie = request.headers.cookie
    if (request.headers.authorization) credentials.authorization = request.headers.authorization
    const session = await fetch(`${ownUrl()}/_session`, { headers: credentials }).then((answer) => answer.json(), () => undefined)
    if (session?.userCtx?.roles?.includes('_admin')) return next()
    response.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' })
  }
}
