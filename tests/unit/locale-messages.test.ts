// One home per French string: the locale files say each thing once (other keys link to it with @:), the
// presentation layer says nothing in French itself, and one module names the locale of every format.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// Read as text: imported through Vite, the files arrive compiled into message ASTs.
const files = Object.fromEntries(
  readdirSync('src/i18n')
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, JSON.parse(readFileSync(join('src/i18n', name), 'utf8')) as unknown]),
)

function flatten(messages: unknown, prefix = ''): [string, string][] {
  return Object.entries(messages as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path)
  })
}

const entries = Object.entries(files).flatMap(([file, messages]) =>
  flatten(messages).map(([key, value]) => ({ file, key, value })),
)

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  )
}

describe('locale messages', () => {
  it('never write the same French string twice across the locale files', () => {
    const byValue = new Map<string, string[]>()
    for (const { file, key, value } of entries) {
      if (value.startsWith('@:')) continue
      byValue.set(value, [...(byValue.get(value) ?? []), `${file}:${key}`])
    }
    const repeated = [...byValue].filter(([, places]) => places.length > 1)
    expect(repeated).toEqual([])
  })

  it('link only to messages that exist', () => {
    const keys = new Set(entries.map((entry) => entry.key))
    const broken = entries.filter(({ value }) => value.startsWith('@:') && !keys.has(value.slice(2)))
    expect(broken).toEqual([])
  })

  it('use each key once across the files', () => {
    const keys = entries.map((entry) => entry.key)
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
  })
})

describe('the presentation layer', () => {
  it('holds no French text of its own: every word comes from the locale files', () => {
    // A string literal with a French letter, a French quotation mark or an apostrophe of French typography.
    const french = /(['"`])(?:(?!\1).)*[À-ÿœŒ’«»](?:(?!\1).)*\1/u
    // Comments may quote what people read; the code may not.
    const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
    const offending = sourceFiles('src/presentation').flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => french.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    )
    expect(offending).toEqual([])
  })
})

describe('formats', () => {
  it('name the locale in one module only', () => {
    const naming = sourceFiles('src').filter((file) => readFileSync(file, 'utf8').includes("'fr-FR'"))
    expect(naming).toEqual([join('src', 'presentation', 'format.ts')])
  })
})
