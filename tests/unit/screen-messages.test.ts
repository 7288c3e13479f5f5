// Each lazily loaded screen brings its own words: a route's view, or a dialog loaded on demand, imports the message
// module (src/i18n/sheet-messages.ts…) of every locale file its code reads, and the home page reads only fr.json.
// Read from the source, as a module graph: the static imports of an entry are what loads with it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'

type Bundle = 'fr' | 'sheet' | 'import' | 'privacy' | 'workshop' | 'trash' | 'form'
const BUNDLE_FILES: Record<Bundle, string> = {
  fr: 'fr.json',
  sheet: 'fr-sheet.json',
  import: 'fr-import.json',
  privacy: 'fr-privacy.json',
  workshop: 'fr-workshop.json',
  trash: 'fr-trash.json',
  form: 'fr-form.json',
}
const messageModule = (bundle: Bundle) => join('src', 'i18n', `${bundle}-messages.ts`)

/** Every key, with the bundle that holds it and the keys its message links to (« @:… »). */
const keys = new Map<string, { bundle: Bundle; links: string[] }>()
for (const [bundle, file] of Object.entries(BUNDLE_FILES) as [Bundle, string][]) {
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (typeof value === 'string') keys.set(path, { bundle, links: [...value.matchAll(/@:([\w.-]*\w)/g)].map((m) => m[1]!) })
      else walk(value as Record<string, unknown>, path)
    }
  }
  walk(JSON.parse(readFileSync(join('src', 'i18n', file), 'utf8')) as Record<string, unknown>, '')
}

/** The bundles a key needs: its own and those of the messages it links to. */
function bundlesOfKey(key: string, seen = new Set<string>()): Bundle[] {
  const entry = keys.get(key)
  if (!entry || seen.has(key)) return []
  seen.add(key)
  return [entry.bundle, ...entry.links.flatMap((link) => bundlesOfKey(link, seen))]
}

/** A key written in full (`t('editor.title')`) or as the fixed start of a template (`t(\`levels.${n}\`)`). */
function bundlesRead(source: string): Set<Bundle> {
  const found = new Set<Bundle>()
  for (const [, key] of source.matchAll(/\bte?\(\s*'([\w.-]+)'/g)) for (const bundle of bundlesOfKey(key!)) found.add(bundle)
  for (const [, prefix] of source.matchAll(/\bte?\(\s*`([\w.-]+\.)\$\{/g)) {
    const holders = new Set([...keys].filter(([key]) => key.startsWith(prefix!)).flatMap(([key]) => bundlesOfKey(key)))
    // A prefix shared by several files says nothing certain; one that a single file holds does.
    if (holders.size === 1) found.add([...holders][0]!)
  }
  return found
}

const IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\s*from\s*)?'([^']+)'/g
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g

function resolve(from: string, source: string): string | undefined {
  let base: string
  if (source.startsWith('@/')) base = join('src', source.slice(2))
  else if (source.startsWith('.')) base = normalize(join(dirname(from), source))
  else return undefined
  base = base.replace(/\?.*$/, '')
  return [base, `${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path) && !path.endsWith('.json') && /\.(ts|vue)$/.test(path))
}

const sourceOf = (file: string) => readFileSync(file, 'utf8')
const staticImports = (file: string) =>
  [...sourceOf(file).matchAll(IMPORT)].map((m) => resolve(file, m[1]!)).filter((path): path is string => path !== undefined)

/** An entry and everything it imports statically: the code that arrives with it. */
function closure(entry: string): Set<string> {
  const files = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    staticImports(file).forEach(visit)
  }
  visit(entry)
  return files
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  )
}

/** The screens loaded on demand: the router's views and the components behind defineAsyncComponent. */
const lazyScreens = [
  ...new Set(
    filesUnder('src')
      .filter((file) => /\.(ts|vue)$/.test(file))
      .flatMap((file) => [...sourceOf(file).matchAll(DYNAMIC)].map((m) => resolve(file, m[1]!)))
      .filter((path): path is string => path?.endsWith('.vue') === true),
  ),
].sort()

/**
 * Files whose words are read when an action runs, not when the screen shows: the action loads them first.
 * neutral-names.ts words the stakeholders' roles inside the function that anonymises an export, and each export
 * that anonymises (the exchange store, useRadarImage) imports the editor's words before calling it.
 */
const WORDS_READ_ON_USE: Record<string, Bundle[]> = { [join('src', 'presentation', 'neutral-names.ts')]: ['sheet'] }

/** The bundles a file reads that nothing loads for it: a message module it imports on demand counts as loaded. */
function wordsNeeded(file: string): Bundle[] {
  const source = sourceOf(file)
  const loadedOnDemand = [...source.matchAll(DYNAMIC)].map((m) => resolve(file, m[1]!))
  return [...bundlesRead(source)].filter(
    (bundle) => !loadedOnDemand.includes(messageModule(bundle)) && !WORDS_READ_ON_USE[file]?.includes(bundle),
  )
}

function missingWords(entry: string): { needs: Bundle[]; brings: Bundle[] } {
  const files = closure(entry)
  const needs = new Set<Bundle>()
  for (const file of files) for (const bundle of wordsNeeded(file)) needs.add(bundle)
  needs.delete('fr')
  const brings = (Object.keys(BUNDLE_FILES) as Bundle[]).filter((bundle) => files.has(messageModule(bundle)))
  return { needs: [...needs].filter((bundle) => !brings.includes(bundle)).sort(), brings }
}

describe('each lazily loaded screen', () => {
  it('is found in the source (the router’s views and the dialogs loaded on demand)', () => {
    expect(lazyScreens).toContain(join('src', 'views', 'SheetView.vue'))
    expect(lazyScreens).toContain(join('src', 'components', 'exchange', 'QrScannerDialog.vue'))
    expect(lazyScreens.length).toBeGreaterThan(15)
  })

  it.each(lazyScreens)('%s imports the messages its code reads', (screen) => {
    expect(missingWords(screen).needs).toEqual([])
  })
})

describe('the home page', () => {
  it('reads fr.json only, and loads no other message file with its code', () => {
    for (const entry of [join('src', 'main.ts'), join('src', 'views', 'LibraryView.vue')])
      expect(missingWords(entry), entry).toEqual({ needs: [], brings: [] })
  })

  it('would be caught reading a word it does not bring', () => {
    // The check itself: the editor's status line reads fr-sheet.json, and nothing it imports brings it.
    expect(missingWords(join('src', 'components', 'sheet', 'SaveStatus.vue')).needs).toEqual(['sheet'])
  })
})
