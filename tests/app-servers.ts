// The two servers the Playwright runs need (end-to-end journeys and benchmarks): the production build served by
// `vite preview`, then the same build served as a deployment with a CouchDB server behind /couchdb/ (deployment.json
// names it; the tests start the CouchDB-compatible server themselves on `couchPort`). Playwright starts them in order.
export function appServers(options: { dist: string; port: number; serverModePort: number; couchPort: number; buildTimeout: number }) {
  const { dist, port, serverModePort, couchPort, buildTimeout } = options
  return [
    {
      command: `npx vite build --outDir ${dist} && npx vite preview --outDir ${dist} --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      // Always a fresh build: a server left running would test yesterday's code.
      reuseExistingServer: false,
      timeout: buildTimeout,
    },
    {
      command: `node tests/e2e/serve-with-server.mjs ${dist} ${serverModePort} ${couchPort}`,
      url: `http://localhost:${serverModePort}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ]
}
