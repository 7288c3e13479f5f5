import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exchangeJsonSchema, exchangeJsonSchemaText, JSON_SCHEMA_PATH } from '../../build/json-schema'

const file = new URL(`../../${JSON_SCHEMA_PATH}`, import.meta.url)

describe('published JSON Schema', () => {
  // `npm run schema` rewrites the file; otherwise any difference with the Zod schema fails here.
  it('matches the schema generated from the Zod schema', () => {
    const generated = exchangeJsonSchemaText()
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, generated)
    expect(readFileSync(file, 'utf8')).toBe(generated)
  })

  it('describes the envelope and the rules a sheet must follow', () => {
    const schema = exchangeJsonSchema() as any
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'exportedAt', 'sheets']))
    expect(schema.properties.format.const).toBe('fiche-projet-data')
    expect(schema.properties.sheets.maxItems).toBe(10_000)
    const sheet = schema.properties.sheets.items
    expect(sheet.properties.project.properties.title).toMatchObject({ minLength: 1, maxLength: 200 })
    expect(sheet.properties.radar.required).toHaveLength(10)
    expect(sheet.properties.phase.enum).toEqual(['idee', 'prototype', 'experimentation', 'generalisation', 'abandonne'])
  })
})
