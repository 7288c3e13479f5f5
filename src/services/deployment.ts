// The deployment's setting, read from deployment.json beside index.html: whether a CouchDB server shares workshops,
// and where. The deployer edits that file (no rebuild); the app never asks an agent for a server address. The file
// is not precached, so an edit reaches every browser at its next start; offline, the last setting read is used, so
// that edits made without network still wait for their server.
interface ServerSetting {
  /** Where the server answers, a path of the app's own origin (a reverse proxy), e.g. /couchdb/. */
  path: string
  /** The roles whose accounts may read and write a workshop's database created from the app. */
  memberRoles: string[]
}

export interface Deployment {
  server: ServerSetting | null
}

const REMEMBERED = 'fiche-projet-data:deployment'
const NO_SERVER: Deployment = { server: null }

/**
 * The setting as written, checked: a server path must stay on this origin (the Content-Security-Policy allows no
 * other), so an absolute URL or a protocol-relative one is no server at all.
 */
export function readSetting(value: unknown): Deployment {
  if (typeof value !== 'object' || value === null || !('server' in value)) return NO_SERVER
  const server = value.server
  if (typeof server !== 'object' || server === null || !('path' in server) || typeof server.path !== 'string') return NO_SERVER
  const path = server.path.trim()
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return NO_SERVER
  const roles = 'memberRoles' in server && Array.isArray(server.memberRoles) ? server.memberRoles.filter((role): role is string => typeof role === 'string' && role.length > 0) : []
  return { server: { path: path.endsWith('/') ? path : `${path}/`, memberRoles: roles } }
}

/** Reads deployment.json (never from a cache); without network, the setting last read in this browser. */
export async function readDeployment(
  fetchFunction: typeof fetch = (input, init) => fetch(input, init),
  storage: Storage = localStorage,
  // The app's root (where index.html is), not the page's address: /ateliers/<id> has no deployment.json.
  base: string = new URL(import.meta.env.BASE_URL, location.origin).href,
): Promise<Deployment> {
  let response: Response
  try {
    response = await fetchFunction(new URL('deployment.json', base).href, { cache: 'no-store' })
  } catch {
    return remembered(storage)
  }
  // No file, or a page that is not JSON (a server answering every path with the app): no server.
  const deployment = response.ok ? readSetting(await response.json().catch(() => null)) : NO_SERVER
  storage.setItem(REMEMBERED, JSON.stringify(deployment))
  return deployment
}

function remembered(storage: Storage): Deployment {
  try {
    return readSetting(JSON.parse(storage.getItem(REMEMBERED) ?? 'null'))
  } catch {
    return NO_SERVER
  }
}
