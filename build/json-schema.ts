// Build tooling: the published JSON Schema of the exchange format, generated from the app's Zod schema so the two
// cannot drift. `npm run schema` writes it; tests/unit/json-schema.test.ts fails when the published file is stale.
// The schemas of earlier versions stay published as they were (files written then keep their contract); only the
// current version's is generated.
import { z } from 'zod'
import { envelopeSchema } from '../src/domain/exchange'

export const JSON_SCHEMA_PATH = 'public/schema/fiche-projet-data.v3.schema.json'
/** Published with version 1 of the format and frozen since. */
export const JSON_SCHEMA_V1_PATH = 'public/schema/fiche-projet-data.v1.schema.json'
/** Published with version 2 of the format and frozen since. */
export const JSON_SCHEMA_V2_PATH = 'public/schema/fiche-projet-data.v2.schema.json'

export function exchangeJsonSchema(): Record<string, unknown> {
  // "input": what a file may contain (defaults may be missing), which is what other tools need to know.
  const generated = z.toJSONSchema(envelopeSchema, { io: 'input', target: 'draft-2020-12' })
  return {
    ...generated,
    title: 'Fiche Projet Data — format d’échange, version 3',
    description:
      'Fichier d’échange de fiches Projet Data entre collectivités. Les clés inconnues sont ignorées à l’import ; les chaînes sont nettoyées de leurs espaces de début et de fin. Les fichiers de versions 1 et 2 restent lisibles : l’application les migre (voir fiche-projet-data.v1.schema.json et fiche-projet-data.v2.schema.json).',
  }
}

export function exchangeJsonSchemaText(): string {
  return `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`
}
