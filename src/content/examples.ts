// The example sheets offered by « Charger les exemples » (src/content/example-sheets.json): the use cases of a
// Comité Territorial de la Donnée and the three examples of the Parcours data guide, attributed to a fictional
// collectivity and tagged, so that they are told apart from real sheets and removed in one action.
const EXAMPLE_TAG = 'exemple'
const EXAMPLE_ORGANISATION = 'Collectivité exemple'
/** The workshop that gathers the examples, the same in every browser. */
export const EXAMPLES_WORKSHOP_ID = '6f1d3a52-8c47-4b0e-9e2a-5d7c1b9e0a31'

/** An example still as loaded: tagged and attributed to the fictional collectivity (an edited one stays). */
export function isExample(sheet: { organisation: string; tags: readonly string[] }): boolean {
  return sheet.organisation === EXAMPLE_ORGANISATION && sheet.tags.includes(EXAMPLE_TAG)
}
