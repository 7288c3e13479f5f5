import { describe, expect, it } from 'vitest'
import { decoratedTitle } from '@/domain/titles'
import { hasVisibleText } from '@/domain/vocabulary'
import { displayText } from '@/presentation/display-text'

describe('decoratedTitle', () => {
  const copy = (title: string) => `${title} (copie)`

  it('adds the mark to a title that leaves room for it', () => {
    expect(decoratedTitle('Mobilité rurale', copy)).toBe('Mobilité rurale (copie)')
  })

  it('shortens a 200-character title between words so the mark always shows, within 200 characters', () => {
    const long = Array.from({ length: 40 }, (_, index) => `mot${index}`).join(' ').padEnd(200, 'x').slice(0, 200)
    const result = decoratedTitle(long, copy)
    expect(result.length).toBeLessThanOrEqual(200)
    expect(result.endsWith('… (copie)')).toBe(true)
    expect(long.startsWith(result.replace('… (copie)', ''))).toBe(true)
  })

  it('cuts a title without spaces, and never half of an emoji', () => {
    expect(decoratedTitle('a'.repeat(200), copy)).toBe(`${'a'.repeat(191)}… (copie)`)
    const emoji = `${'a'.repeat(190)}${'😀'.repeat(5)}`
    const result = decoratedTitle(emoji, copy)
    expect(result.length).toBeLessThanOrEqual(200)
    expect(result).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('invisible and deceptive text', () => {
  it('calls text made only of invisible characters blank', () => {
    expect(hasVisibleText('\u200B\u200B')).toBe(false)
    expect(hasVisibleText('\u3164')).toBe(false)
    expect(hasVisibleText('\u2800 \u00A0\u202E')).toBe(false)
    expect(hasVisibleText('\u200BA')).toBe(true)
    expect(hasVisibleText('الرباط')).toBe(true)
  })

  it('shows text without direction overrides, so a right-to-left override cannot make « fdp.exe » pass for « exe.pdf »', () => {
    expect(displayText('Budget \u202Efdp.exe\u202C')).toBe('Budget fdp.exe')
    expect(displayText('a\u2066b\u2069c')).toBe('abc')
  })

  it('keeps at most two combining marks on a character', () => {
    expect(displayText(`Z${'\u0301'.repeat(40)}alé`)).toBe('Z\u0301\u0301alé')
    expect(displayText('Ệ')).toBe('Ệ')
  })
})
