import { describe, expect, it } from 'vitest'
import { isScreenLoadFailure } from '@/services/screen-load'

describe('a screen whose code could not be fetched', () => {
  it('is recognised by the message each browser gives', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://localhost/assets/WorkshopView-ByQaIxDm.js',
      'error loading dynamically imported module: http://localhost/assets/SheetView.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/SheetView.css',
    ])
      expect(isScreenLoadFailure(new TypeError(message)), message).toBe(true)
  })

  it('is not confused with any other error of a navigation', () => {
    expect(isScreenLoadFailure(new Error('Navigation cancelled'))).toBe(false)
    expect(isScreenLoadFailure(new TypeError('Cannot read properties of undefined'))).toBe(false)
    expect(isScreenLoadFailure('dynamically imported module')).toBe(false)
  })
})
