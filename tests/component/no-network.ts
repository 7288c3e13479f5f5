// Component tests run in happy-dom, whose fetch would try the real network: the deployment's setting is answered
// here (no server, as dist/deployment.json ships), and anything else is refused at once rather than waiting on a
// connection to localhost.
import { vi } from 'vitest'

vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
  const url = String(input instanceof Request ? input.url : input)
  if (new URL(url, 'http://localhost/').pathname.endsWith('/deployment.json')) return new Response(JSON.stringify({ server: null }))
  throw new TypeError(`No network in component tests: ${url}`)
})
