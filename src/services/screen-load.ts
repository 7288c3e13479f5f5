// A screen's code is fetched when the screen is first opened (the router's lazy routes). When that fetch fails (the
// network gone before the app was installed, a request aborted), the router stays where it was: the person's click
// would seem to do nothing. Such a failure is recognised here so that the app can say it and offer to try again.

/** The messages browsers give a dynamic import that could not load (Chromium, Firefox, Safari) and Vite's preload. */
const SCREEN_LOAD_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS/

export function isScreenLoadFailure(error: unknown): boolean {
  return error instanceof Error && SCREEN_LOAD_FAILURE.test(error.message)
}
