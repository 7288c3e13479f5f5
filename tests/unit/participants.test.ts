import { describe, expect, it } from 'vitest'
import { participantNames, sheetWho, shortName } from '@/presentation/participants'

const sheet = (id: string, title: string, author = '', organisation = '') => ({ id, title, author, organisation })

describe('participant names', () => {
  it('names who wrote a sheet: its author, else its organisation', () => {
    expect(sheetWho({ author: ' Camille ', organisation: 'Commune A' })).toBe('Camille')
    expect(sheetWho({ author: '  ', organisation: 'Commune A' })).toBe('Commune A')
    expect(sheetWho({ author: '', organisation: '' })).toBe('')
  })

  it('adds who wrote it only where titles are shared, whatever their spaces, case or Unicode form', () => {
    const names = participantNames([
      sheet('a', 'Mobilité rurale', 'Camille'),
      sheet('b', ' mobilité  RURALE', '', 'Commune B'),
      sheet('c', 'Mobilite\u0301 rurale', 'Alex'),
      sheet('d', 'Eau potable', 'Noa'),
    ])
    expect([...names.values()].map((name) => name.name)).toEqual([
      'Mobilité rurale — Camille',
      ' mobilité  RURALE — Commune B',
      // The title is shown as written (here with a combining accent); only the comparison ignores the form.
      'Mobilite\u0301 rurale — Alex',
      'Eau potable',
    ])
    expect(names.get('d')).toEqual({ title: 'Eau potable', who: 'Noa', shared: false, name: 'Eau potable' })
  })

  it('tells apart two sheets of the same title by the same person, or unsigned, with a number', () => {
    const names = participantNames([sheet('a', 'Eau', 'Noa'), sheet('b', 'Eau', 'Noa'), sheet('c', 'Eau'), sheet('d', 'Eau')])
    expect([...names.values()].map((name) => name.name)).toEqual(['Eau — Noa', 'Eau — Noa (2)', 'Eau', 'Eau (2)'])
  })

  it('shortens the title between words, never who wrote it', () => {
    const title = 'Analyser les flux de déplacements et optimiser les transports en exploitant les données mobiles'
    const short = shortName({ title, name: `${title} — Dominique Petit` }, 40)
    expect(short.endsWith('… — Dominique Petit')).toBe(true)
    expect(short.length).toBeLessThanOrEqual(40)
    expect(shortName({ title: 'Eau', name: 'Eau' }, 40)).toBe('Eau')
  })
})
