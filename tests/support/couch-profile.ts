// fetch as one browser profile does it against a server: one cookie jar, so CouchDB's AuthSession cookie goes back
// with every request, and a network that can be cut.
export function browserProfileFetch(): typeof fetch & { offline: boolean } {
  let cookie = ''
  const profileFetch = Object.assign(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      if (profileFetch.offline) throw new TypeError('Failed to fetch')
      const headers = new Headers(init?.headers)
      if (cookie) headers.set('cookie', cookie)
      const response = await fetch(input, { ...init, headers })
      // The last Set-Cookie wins, as in a browser (the server refreshes the session, then a sign-out clears it).
      for (const set of response.headers.getSetCookie()) cookie = set.split(';')[0] ?? ''
      if (cookie === 'AuthSession=') cookie = ''
      return response
    },
    { offline: false },
  )
  return profileFetch
}
