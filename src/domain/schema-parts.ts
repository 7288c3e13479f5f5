// The building blocks every Zod schema of the app is made of (the sheet, the vote), so that a text is trimmed and
// bounded, and a required text must show something, the same way in every record.
import { z } from 'zod'
import { hasVisibleText } from './vocabulary'

// No code generation: Zod's fast path compiles parsers with new Function, which the Content-Security-Policy (no
// 'unsafe-eval') forbids, and even Zod's guarded probe for it is reported as a CSP violation. Every schema of the
// app is built from this module, in the page and in the import worker, so setting it here covers them all.
z.config({ jitless: true })

/** A text, trimmed as the format requires on import; "" by default. */
export const text = (max: number) => z.string().trim().max(max).default('')
/** A required text must show something: a title of zero-width spaces is as blank as an empty one. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, { abort: true }).max(max).refine(hasVisibleText, { message: 'blank' })
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).default([])
/** A calendar date (yyyy-mm-dd), or null. */
export const isoDate = z.iso.date().nullable().default(null)
/** A moment, with its offset. */
export const isoDateTime = z.iso.datetime({ offset: true })
