// The production build as a deployer with a CouchDB server serves it: deployment.json names the server at
// /couchdb/, and /couchdb/ is proxied (same origin, so the Content-Security-Policy's connect-src 'self' holds) to the
// CouchDB-compatible server the sync journeys start on loopback themselves.
// Usage: node tests/e2e/serve-with-server.mjs <built dist folder> <port> <CouchDB port>
import { cp, rm, writeFile } from 'node:fs/promises'
import { preview } from 'vite'

const [dist, port, couchPort] = process.argv.slice(2)
const outDir = `${dist}-server`
await rm(outDir, { recursive: true, force: true })
await cp(dist, outDir, { recursive: true })
await writeFile(`${outDir}/deployment.json`, JSON.stringify({ server: { path: '/couchdb/', memberRoles: ['atelier'] } }))

const server = await preview({
  build: { outDir },
  preview: {
    port: Number(port),
    strictPort: true,
    proxy: {
      '/couchdb/': {
        target: `http://127.0.0.1:${couchPort}`,
        rewrite: (path) => path.replace(/^\/couchdb/, ''),
      },
    },
  },
})
server.printUrls()
