// The one shape of a translation function the presentation layer needs, so it stays free of Vue.
// Views pass the app's `t` through useTranslate() (src/composables/useTranslate.ts).

/** Looks a message up by key, with named values, and a count that picks the plural form. */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/** Whether the locale has a message at this key. */
export type HasMessage = (key: string) => boolean
