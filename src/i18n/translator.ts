// The app's translation function: French messages looked up by dotted key, with named values (« {n} fiches »),
// plural forms separated by « | » and links to other messages (« @:common.no »). That is all the locale files use;
// a few lines here replace a library whose runtime alone weighed 22 KB gzipped on every page.

export type Messages = { [key: string]: string | Messages }
export type Named = Record<string, unknown>

/** Merges `extra` into `target` in place, key by key. */
function merge(target: Messages, extra: Messages): void {
  for (const [key, value] of Object.entries(extra)) {
    const current = target[key]
    if (typeof value === 'object' && typeof current === 'object') merge(current, value)
    else target[key] = typeof value === 'object' ? structuredClone(value) : value
  }
}

/**
 * Which plural form to use, as French messages are written here: with two forms, the first is for 1 and the
 * second for 0 and more than 1 (« Sélectionner la fiche | Tout sélectionner ({n} fiches) »); with three, the
 * forms are for 0, 1 and more (« Aucune fiche | 1 fiche | {n} fiches »).
 */
export function pluralIndex(count: number, forms: number): number {
  const n = Math.abs(count)
  if (forms === 2) return n === 1 ? 0 : 1
  return Math.min(n, forms - 1, 2)
}

const LINK = /@:([\w.-]*\w)/g
const PLACEHOLDER = /\{(\w+)\}/g
/** Links are followed at most this deep, so that a loop between messages ends. */
const MAX_LINK_DEPTH = 8

export interface Translator {
  t(key: string, named?: Named | number, plural?: number): string
  te(key: string): boolean
  add(messages: Messages): void
}

export function createTranslator(initial: Messages = {}): Translator {
  const messages: Messages = {}
  merge(messages, initial)

  function lookup(key: string): string | undefined {
    let node: string | Messages | undefined = messages
    for (const segment of key.split('.')) {
      if (typeof node !== 'object') return undefined
      node = node[segment]
    }
    return typeof node === 'string' ? node : undefined
  }

  function expandLinks(message: string, depth: number): string {
    if (depth >= MAX_LINK_DEPTH) return message
    return message.replace(LINK, (link, key: string) => {
      const target = lookup(key)
      return target === undefined ? link : expandLinks(target, depth + 1)
    })
  }

  function t(key: string, namedOrPlural?: Named | number, plural?: number): string {
    const message = lookup(key)
    if (message === undefined) return key
    const count = typeof namedOrPlural === 'number' ? namedOrPlural : plural
    const named: Named = typeof namedOrPlural === 'object' ? namedOrPlural : {}
    let text = expandLinks(message, 0)
    if (count !== undefined) {
      const forms = text.split('|').map((form) => form.trim())
      text = forms[pluralIndex(count, forms.length)] ?? text
    }
    // With a count, « {n} » and « {count} » are the count unless given otherwise.
    const values: Named = count === undefined ? named : { n: count, count, ...named }
    return text.replace(PLACEHOLDER, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    )
  }

  return {
    t,
    te: (key) => lookup(key) !== undefined,
    add: (extra) => merge(messages, extra),
  }
}
