import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  exchangeJsonSchema,
  exchangeJsonSchemaText,
  JSON_SCHEMA_PATH,
  JSON_SCHEMA_V1_PATH,
  JSON_SCHEMA_V2_PATH,
} from '../../build/json-schema'

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

  it('describes the fields of version 2, kept in version 3', () => {
    const schema = exchangeJsonSchema() as any
    expect(schema.properties.workshop.required).toEqual(expect.arrayContaining(['id', 'title']))
    expect(schema.required).not.toContain('workshop')
    const sheet = schema.properties.sheets.items
    expect(sheet.properties.origin.anyOf ?? sheet.properties.origin).toBeTruthy()
    expect(sheet.properties.snapshots.maxItems).toBe(50)
    expect(sheet.properties.project.properties.problem.maxLength).toBe(5_000)
    expect(sheet.properties.project.properties.domain.maxLength).toBe(200)
  })

  it('describes the fields of version 3: a short name, and a decision with its source and its history', () => {
    const schema = exchangeJsonSchema() as any
    expect(schema.properties.version.const).toBe(3)
    expect(schema.title).toBe('Fiche Projet Data — format d’échange, version 3')
    const sheet = schema.properties.sheets.items
    expect(sheet.properties.project.properties.shortLabel.maxLength).toBe(60)
    const decision = sheet.properties.decision
    const statuses = ['a-examiner', 'priorise', 'reserve', 'depriorise', 'reactive', 'ecarte', 'realise']
    expect(decision.properties.status.enum).toEqual(statuses)
    expect(JSON.stringify(decision.properties.source)).toContain('"personne","vote"')
    expect(decision.properties.history.maxItems).toBe(100)
    expect(decision.properties.history.items.properties.status.enum).toEqual(statuses)
    expect(Object.keys(decision.properties.history.items.properties)).toEqual(['status', 'reason', 'decidedAt', 'source'])
  })

  it('keeps the version 2 schema published exactly as it was', () => {
    const v2 = readFileSync(new URL(`../../${JSON_SCHEMA_V2_PATH}`, import.meta.url))
    expect(createHash('sha256').update(v2).digest('hex')).toBe(
      '4e985276d163c4323e04c1f6694bf6b184818d9359d5026c69b7ae39ef0694d9',
    )
    const schema = JSON.parse(v2.toString('utf8'))
    expect(schema.title).toBe('Fiche Projet Data — format d’échange, version 2')
    expect(schema.properties.version.const).toBe(2)
    expect(schema.properties.sheets.items.properties.decision.properties.status.enum).toEqual([
      'a-examiner',
      'priorise',
      'reserve',
      'ecarte',
      'realise',
    ])
  })

  it('keeps the version 1 schema published exactly as it was', () => {
    const v1 = readFileSync(new URL(`../../${JSON_SCHEMA_V1_PATH}`, import.meta.url))
    expect(createHash('sha256').update(v1).digest('hex')).toBe(
      '10cfe2075802f6feade5b42142a665b42926524afda02faf0ce0e27d167db49d',
    )
    const schema = JSON.parse(v1.toString('utf8'))
    expect(schema.title).toBe('Fiche Projet Data — format d’échange, version 1')
    expect(schema.properties.version.const).toBe(1)
  })
})
