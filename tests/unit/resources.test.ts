import { describe, expect, it } from 'vitest'
import { LEGAL_TOPICS } from '@/domain/vocabulary'
import { ALLOWED_HOSTS, RESOURCES } from '@/presentation/resources'
import messages from '@/i18n/fr-sheet.json'

describe('the « Ressources » links', () => {
  it.each(RESOURCES.map((resource) => [resource.id, resource.url] as const))(
    '%s is an https address on an allowed official host',
    (_id, address) => {
      const url = new URL(address)
      expect(url.protocol).toBe('https:')
      expect(ALLOWED_HOSTS).toContain(url.hostname)
      // No credentials, port or query that could carry anything about the person or the sheet.
      expect(url.username + url.password + url.port + url.search).toBe('')
    },
  )

  it('lists the references the workshop needs, each once, each with a title, a publisher and its topics', () => {
    expect(RESOURCES.map((resource) => resource.id)).toEqual(
      expect.arrayContaining([
        'cnil-collectivites',
        'cnil-cada-open-data',
        'republique-numerique',
        'anssi-hygiene',
        'rgesn',
        'schema-data-gouv',
        'scdl',
      ]),
    )
    expect(new Set(RESOURCES.map((resource) => resource.url)).size).toBe(RESOURCES.length)
    const { items, publishers } = messages.editor.resources as {
      items: Record<string, string>
      publishers: Record<string, string>
    }
    for (const resource of RESOURCES) {
      expect(items[resource.id], resource.id).toBeTruthy()
      expect(publishers[resource.publisher], resource.id).toBeTruthy()
      expect(resource.topics.length).toBeGreaterThan(0)
      for (const topic of resource.topics) expect(LEGAL_TOPICS).toContain(topic)
    }
  })

  it('links to each guide at its current address, not one that redirects', () => {
    const anssi = RESOURCES.find((resource) => resource.id === 'anssi-hygiene')
    expect(anssi?.url).toBe('https://messervices.cyber.gouv.fr/guides/guide-dhygiene-informatique')
  })

  it('allows no host that no link uses', () => {
    const used = new Set(RESOURCES.map((resource) => new URL(resource.url).hostname))
    expect([...ALLOWED_HOSTS].sort()).toEqual([...used].sort())
  })
})
