// A text field's length limit, said instead of silently applied: a counter from 90 % of the limit, « Limite
// atteinte » at it, and, when a paste (or a drop, or any insertion) is longer than what is left, the part that fits
// is kept and a message says how much. Screen readers hear the counter when it appears and when the limit is
// reached, not on every key.
import { computed, reactive, ref } from 'vue'
import { useI18n } from '@/i18n'
import { formatCount } from '@/presentation/format'
import '@/i18n/form-messages'

/** The counter shows from this share of the limit. */
const COUNTER_FROM = 0.9

type TextControl = HTMLInputElement | HTMLTextAreaElement

const isTextArea = (field: TextControl) => field.tagName === 'TEXTAREA'

/**
 * The text as the field will hold it: a text area keeps line breaks as « \n »; a one-line input drops the line
 * breaks at the end and turns the others into spaces, as Chromium does when text is pasted into it.
 */
export function textAsInserted(text: string, multiline: boolean): string {
  if (multiline) return text.replace(/\r\n?/g, '\n')
  return text.replace(/[\r\n]+$/, '').replace(/\r\n|[\r\n]/g, ' ')
}

// Graphemes do not depend on the language: no locale needed. Browsers without Intl.Segmenter (Firefox before 125)
// still never split a surrogate pair.
const graphemes = 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined
/** How far around the cut graphemes are looked for: no character a person sees as one is longer. */
const GRAPHEME_WINDOW = 64

/**
 * The start of `text` that fits in `room` characters (UTF-16 code units, as maxlength and the format count), never
 * splitting what a person sees as one character: a surrogate pair, a letter and its combining accent, an emoji
 * sequence. Only the few characters around the cut are segmented, so a megabyte costs nothing.
 */
export function fittingStart(text: string, room: number): string {
  if (text.length <= room) return text
  if (room <= 0) return ''
  if (!graphemes) {
    const code = text.charCodeAt(room - 1)
    return text.slice(0, code >= 0xd800 && code <= 0xdbff ? room - 1 : room)
  }
  const from = Math.max(0, room - GRAPHEME_WINDOW)
  let end = from
  for (const { index } of graphemes.segment(text.slice(from, room + GRAPHEME_WINDOW))) {
    if (from + index > room) break
    end = from + index
  }
  return text.slice(0, end)
}

interface Insertion {
  /** Length of the field's text before the insertion. */
  before: number
  /** Length of the text the insertion replaces (the selection). */
  replaced: number
  /** Length of the text inserted, as the field would hold it. */
  incoming: number
  paste: boolean
}

/** Input types that insert text a person did not type key by key (typing one key at the limit just stops). */
const BULK_INSERTIONS = new Set([
  'insertFromPaste',
  'insertFromPasteAsQuotation',
  'insertFromDrop',
  'insertFromYank',
  'insertReplacementText',
  'insertText',
])

/**
 * The limit of one field. `id` makes the ids of the counter and the message; `max` is the field's maxlength
 * (nothing is shown without one) and `length` the length of the text the field shows. The field binds `listeners`
 * (v-on) and calls `onInput` on each input, adds `describedBy` to its aria-describedby, and shows <TextLimit>.
 */
export function useTextLimit(id: string, max: () => number | undefined, length: () => number) {
  const { t } = useI18n()
  const counterId = `${id}-limit`
  const messageId = `${id}-limit-message`
  /** The French message saying how much of a paste was kept, until the next edit. */
  const message = ref('')
  /** What screen readers are told, politely: set when it matters, not on every key. */
  const announcement = ref('')
  /**
   * Whether the person is in the field: its live region is there only then, so that a page of fields does not
   * carry dozens of them (a screen's own live region stays the one that speaks for it).
   */
  const active = ref(false)
  let pending: Insertion | undefined
  let dropped: string | undefined
  let lastLength: number | undefined
  let announced: '' | 'near' | 'reached' | 'cut' = ''

  const threshold = (limit: number) => Math.ceil(limit * COUNTER_FROM)
  const counterText = (count: number, limit: number) =>
    t('textLimit.counter', { length: formatCount(count), max: formatCount(limit) })
  const reachedText = (limit: number) => t('textLimit.reached', { max: formatCount(limit) })
  const nearText = (count: number, limit: number) =>
    t('textLimit.near', { length: formatCount(count), max: formatCount(limit) })

  const reached = computed(() => {
    const limit = max()
    return limit !== undefined && length() >= limit
  })
  const counter = computed(() => {
    const limit = max()
    const count = length()
    if (limit === undefined || count < threshold(limit)) return ''
    return count >= limit ? reachedText(limit) : counterText(count, limit)
  })
  const describedBy = computed(() => [counter.value && counterId, message.value && messageId].filter(Boolean) as string[])

  function report(kept: number, total: number, paste: boolean) {
    const text = t(paste ? 'textLimit.pasteCut' : 'textLimit.inputCut', { n: formatCount(kept), total: formatCount(total) }, kept)
    message.value = text
    announce('cut', text)
  }

  /**
   * After an edit that cut nothing: screen readers hear the counter when it appears and « Limite atteinte » when the
   * limit is reached; what they were told stays while it is true, so that crossing again is heard again.
   */
  function announceCrossing(previous: number, now: number, limit: number) {
    const near = threshold(limit)
    if (now >= limit && previous < limit) announce('reached', reachedText(limit))
    else if (now >= near && previous < near && now < limit) announce('near', nearText(now, limit))
    else if (!((announced === 'near' && now >= near && now < limit) || (announced === 'reached' && now >= limit))) announce('', '')
  }

  function announce(kind: typeof announced, text: string) {
    announced = kind
    announcement.value = text
  }

  /** Puts `text` in place of the field's selection as typing would (undo included where the browser allows). */
  function insert(field: TextControl, text: string, start: number, end: number) {
    field.setSelectionRange(start, end)
    let done = false
    if (document.activeElement === field && typeof document.execCommand === 'function') {
      try {
        done = document.execCommand('insertText', false, text)
      } catch {
        done = false
      }
    }
    if (!done) {
      field.setRangeText(text, start, end, 'end')
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }

  /** A paste longer than what is left: the part that fits goes in, and the message says how much. */
  function onPaste(event: ClipboardEvent) {
    active.value = true
    const limit = max()
    const field = event.currentTarget as TextControl
    const raw = event.clipboardData?.getData('text/plain')
    if (limit === undefined || !raw) return
    const pasted = textAsInserted(raw, isTextArea(field))
    const start = field.selectionStart ?? field.value.length
    const end = field.selectionEnd ?? start
    const room = limit - (field.value.length - (end - start))
    if (pasted.length <= room) return
    event.preventDefault()
    const kept = fittingStart(pasted, room)
    if (kept) insert(field, kept, start, end)
    report(kept.length, pasted.length, true)
  }

  /** What is dropped arrives in `beforeinput` too, but not always with its text: keep it from the drop. */
  function onDrop(event: DragEvent) {
    dropped = event.dataTransfer?.getData('text/plain') || undefined
  }

  function onBeforeInput(event: InputEvent) {
    const field = event.currentTarget as TextControl
    const text = event.data ?? (event.dataTransfer?.getData('text/plain') || undefined) ?? (event.inputType === 'insertFromDrop' ? dropped : undefined)
    dropped = undefined
    const bulk = BULK_INSERTIONS.has(event.inputType) && text !== undefined && (event.inputType !== 'insertText' || text.length > 1)
    const start = field.selectionStart ?? field.value.length
    const end = field.selectionEnd ?? start
    pending = {
      before: field.value.length,
      // A drop goes where it is dropped: it replaces nothing of the field's selection.
      replaced: event.inputType === 'insertFromDrop' ? 0 : end - start,
      incoming: bulk ? textAsInserted(text, isTextArea(field)).length : -1,
      paste: event.inputType.startsWith('insertFromPaste'),
    }
  }

  /**
   * After any change of the field's text. The browser's maxlength cuts what it inserts without a word; what was
   * cut is measured here: the text expected against the text the field now holds.
   */
  function onInput(event: Event) {
    const limit = max()
    const field = event.target as TextControl
    const insertion = pending
    pending = undefined
    if (limit === undefined) return
    const now = field.value.length
    const previous = insertion?.before ?? lastLength ?? now
    lastLength = now
    if (insertion && insertion.incoming >= 0) {
      const kept = now - (insertion.before - insertion.replaced)
      if (insertion.before - insertion.replaced + insertion.incoming > limit && kept < insertion.incoming) {
        report(Math.max(0, kept), insertion.incoming, insertion.paste)
        return
      }
    }
    message.value = ''
    announceCrossing(previous, now, limit)
  }

  function onFocus() {
    active.value = true
  }

  function onBlur() {
    active.value = false
    announce('', '')
  }

  return reactive({
    counterId,
    messageId,
    counter,
    reached,
    message,
    announcement,
    active,
    describedBy,
    onInput,
    listeners: { paste: onPaste, drop: onDrop, beforeinput: onBeforeInput, focus: onFocus, blur: onBlur },
  })
}

export type TextLimit = ReturnType<typeof useTextLimit>
