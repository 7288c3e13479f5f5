// The Content-Security-Policy of the production build, as a <meta> in index.html: the app loads and talks to its own
// origin only, never evaluates strings as code and embeds no plugin. Build only: the dev server injects its CSS
// as <style> elements, which 'style-src' 'self' refuses. tests/e2e/privacy.spec.ts checks the policy and that the
// whole app runs under it without a single violation.
import type { Plugin } from 'vite'

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // No 'unsafe-inline': Vue and Chart.js set styles through the CSSOM, which CSP allows; stylesheets are files.
  "style-src 'self'",
  // No image of the app uses them today; kept for canvas and file previews, which cannot run code.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The import worker is a file of the build (new Worker(new URL(...))), never a blob.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // frame-ancestors is ignored in a <meta>: framing can only be refused by the server's headers.
].join('; ')

const CHARSET = /<meta charset="UTF-8" \/>/i

/** Adds the CSP <meta> right after the charset, before any script, style or link it must govern. */
export function contentSecurityPolicy(policy = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'fiche-projet-data:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!CHARSET.test(html)) throw new Error('csp: <meta charset="UTF-8" /> not found in index.html')
        return html.replace(CHARSET, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
      },
    },
  }
}
