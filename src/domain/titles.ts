// Titles as file names (slugs), and titles that get a mark added, « (copie) » or « (importée) »: the mark must always show, even on a title already
// at the format's length limit, so the original is shortened between words instead of the mark being cut off.
import { LIMITS } from './vocabulary'

const ELLIPSIS = '…'

/** `decorate(title)`, with `title` shortened (between words, with an ellipsis) so the result fits in `max`. */
export function decoratedTitle(title: string, decorate: (title: string) => string, max: number = LIMITS.shortText): string {
  const full = decorate(title)
  if (full.length <= max) return full
  const room = max - decorate('').length - ELLIPSIS.length
  let base = title.slice(0, Math.max(0, room))
  // Never leave half of a character outside the basic plane (an emoji) at the cut.
  if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1)
  const lastSpace = base.lastIndexOf(' ')
  if (lastSpace > room / 2) base = base.slice(0, lastSpace)
  return decorate(`${base.trimEnd()}${ELLIPSIS}`)
}

/** Lower-case ASCII words joined by hyphens: "Mobilité rurale !" → "mobilite-rurale". */
export function slugify(text: string, maxLength = 60): string {
  const full = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // Cut between words, so a long title doesn't end on half a word.
  const cut = full.length <= maxLength ? full : full.slice(0, full.lastIndexOf('-', maxLength) > 0 ? full.lastIndexOf('-', maxLength) : maxLength)
  return cut || 'sans-titre'
}
