// A field's limit is said, never applied in silence: the counter from 90 %, « Limite atteinte » at the limit, and
// a French message saying how much of a paste that was too long was kept.
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import TextField from '@/components/form/TextField.vue'
import TagsInput from '@/components/sheet/TagsInput.vue'
import ThemeAssessment from '@/components/radar/ThemeAssessment.vue'
import SnapshotPanel from '@/components/radar/SnapshotPanel.vue'
import { fittingStart, textAsInserted } from '@/composables/useTextLimit'
import { provideSheetEditing, type SheetEditing } from '@/composables/useSheetEditing'
import { mountWithI18n } from '../support/mount-helpers'
import { provideEditing } from '../support/sheet-editing-double'
import { THEMES } from '@/content/themes'

/** French figures are grouped with a narrow no-break space; tests read them with a plain one. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ')

function mountField(value: string, maxlength: number | undefined, multiline = false) {
  const updates: string[] = []
  const wrapper = mountWithI18n(TextField, {
    attachTo: document.body,
    props: {
      label: 'Description',
      hint: 'Ce que fait le projet',
      modelValue: value,
      maxlength,
      multiline,
      'onUpdate:modelValue': (next: string | null) => {
        updates.push(next ?? '')
        void wrapper.setProps({ modelValue: next })
      },
    },
  })
  const field = wrapper.get(multiline ? 'textarea' : 'input')
  const element = field.element as HTMLInputElement | HTMLTextAreaElement
  const describedBy = () => (field.attributes('aria-describedby') ?? '').split(' ')
  const description = () => describedBy().map((id) => plain(wrapper.find(`#${CSS.escape(id)}`).text()))
  const announced = () => {
    const live = wrapper.find('[aria-live="polite"]')
    return live.exists() ? plain(live.text()) : ''
  }
  /** Types into the field as a browser would: beforeinput, the new value, input. */
  async function type(text: string) {
    element.focus()
    element.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }))
    element.value += text
    element.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }))
    await nextTick()
  }
  /** A paste as the browser sends it: a paste event carrying the clipboard's text, on the field with its selection. */
  async function paste(text: string) {
    const event = new Event('paste', { bubbles: true, cancelable: true })
    Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? text : '') } })
    element.focus()
    element.dispatchEvent(event)
    await nextTick()
    return event
  }
  return { wrapper, field, element, updates, description, announced, type, paste }
}

describe('a text field’s limit', () => {
  it('shows nothing below 90 % of the limit', () => {
    const { description, wrapper } = mountField('a'.repeat(179), 200)
    expect(description()).toEqual(['Ce que fait le projet'])
    expect(wrapper.find('.field__counter').exists()).toBe(false)
  })

  it('shows the counter from 90 %, tied to the field, and announces it once when it appears', async () => {
    const { description, announced, type } = mountField('a'.repeat(179), 200)
    expect(announced()).toBe('')
    await type('b')
    expect(description()).toEqual(['Ce que fait le projet', '180 / 200 caractères'])
    expect(announced()).toBe('180 caractères sur 200 autorisés')
    await type('c')
    expect(description()).toEqual(['Ce que fait le projet', '181 / 200 caractères'])
    // Not on every key: what was said stays, nothing new is announced.
    expect(announced()).toBe('180 caractères sur 200 autorisés')
  })

  it('writes large limits the French way', () => {
    const { description } = mountField('x'.repeat(18_200), 20_000, true)
    expect(description()).toContain('18 200 / 20 000 caractères')
  })

  it('says and announces « Limite atteinte » when the limit is reached', async () => {
    const { description, announced, type, wrapper } = mountField('a'.repeat(199), 200)
    await type('z')
    expect(description()).toEqual(['Ce que fait le projet', 'Limite atteinte : 200 caractères'])
    expect(announced()).toBe('Limite atteinte : 200 caractères')
    expect(wrapper.find('.field__counter--reached').exists()).toBe(true)
  })

  it('keeps what fits of a paste that is too long, and says how much was kept', async () => {
    const { element, updates, description, announced, paste } = mountField('Projet ', 200)
    element.setSelectionRange(7, 7)
    const event = await paste('x'.repeat(10_000))
    expect(event.defaultPrevented).toBe(true)
    expect(element.value).toBe(`Projet ${'x'.repeat(193)}`)
    expect(updates.at(-1)).toHaveLength(200)
    const message = 'Texte collé trop long : 193 caractères gardés sur 10 000 (limite du champ).'
    expect(description()).toEqual(['Ce que fait le projet', 'Limite atteinte : 200 caractères', message])
    expect(announced()).toBe(message)
  })

  it('replaces the selection with what fits, in a text area, and says so for 1 MB', async () => {
    const { element, paste, description } = mountField('a'.repeat(100), 20_000, true)
    element.setSelectionRange(50, 100)
    const megabyte = 'é'.repeat(1_048_576)
    const started = performance.now()
    await paste(megabyte)
    expect(performance.now() - started).toBeLessThan(500)
    expect(element.value).toBe('a'.repeat(50) + 'é'.repeat(19_950))
    expect(description()).toContain('Texte collé trop long : 19 950 caractères gardés sur 1 048 576 (limite du champ).')
  })

  it('uses the singular and the zero forms', async () => {
    const one = mountField('a'.repeat(199), 200)
    await one.paste('bc')
    expect(one.element.value).toBe(`${'a'.repeat(199)}b`)
    expect(one.description()).toContain('Texte collé trop long : 1 caractère gardé sur 2 (limite du champ).')

    const none = mountField('a'.repeat(200), 200)
    none.element.setSelectionRange(200, 200)
    await none.paste('bc')
    expect(none.element.value).toBe('a'.repeat(200))
    expect(none.updates).toEqual([])
    expect(none.description()).toContain('Texte collé trop long : aucun caractère gardé sur 2 (limite du champ).')
  })

  it('leaves a paste that fits to the browser, and clears the message at the next edit', async () => {
    const { paste, type, description, element } = mountField('a'.repeat(199), 200)
    await paste('bc')
    expect(description().some((line) => line.startsWith('Texte collé trop long'))).toBe(true)
    element.value = element.value.slice(0, -5)
    element.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }))
    await nextTick()
    expect(description()).toEqual(['Ce que fait le projet', '195 / 200 caractères'])
    const fits = await paste('d')
    expect(fits.defaultPrevented).toBe(false)
    await type('e')
    expect(description()).toEqual(['Ce que fait le projet', '196 / 200 caractères'])
  })

  it('says what the browser’s maxlength cut from any other insertion (a drop, an autocompletion)', async () => {
    const { element, description } = mountField('a'.repeat(190), 200)
    element.setSelectionRange(190, 190)
    element.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromDrop', data: 'z'.repeat(30), bubbles: true, cancelable: true }))
    element.value += 'z'.repeat(10) // what maxlength lets in
    element.dispatchEvent(new InputEvent('input', { inputType: 'insertFromDrop', bubbles: true }))
    await nextTick()
    expect(description()).toContain('Texte trop long : 10 caractères gardés sur 30 (limite du champ).')
  })

  it('has a live region only while the person is in the field', async () => {
    const { wrapper, element, type } = mountField('a'.repeat(179), 200)
    expect(wrapper.find('[aria-live]').exists()).toBe(false)
    await type('b')
    expect(wrapper.find('[aria-live]').exists()).toBe(true)
    element.blur()
    await nextTick()
    expect(wrapper.find('[aria-live]').exists()).toBe(false)
  })

  it('shows nothing for a field without a limit', async () => {
    const { wrapper, paste, element } = mountField('', undefined)
    const event = await paste('x'.repeat(500))
    expect(event.defaultPrevented).toBe(false)
    expect(element.value).toBe('')
    expect(wrapper.find('[aria-live]').exists()).toBe(false)
  })
})

/** Pastes into a field that has no model of its own to follow (v-model or an emitted event). */
async function pasteInto(wrapper: VueWrapper, selector: string, text: string) {
  const element = wrapper.get(selector).element as HTMLInputElement | HTMLTextAreaElement
  element.focus()
  element.setSelectionRange(element.value.length, element.value.length)
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } })
  element.dispatchEvent(event)
  await nextTick()
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return { element, description: ids.map((id) => plain(wrapper.find(`#${CSS.escape(id)}`).text())) }
}

describe('every limited field outside TextField', () => {
  it('a theme’s comment (2 000 characters)', async () => {
    const comments: string[] = []
    const editing = {
      setComment: (_theme: string, text: string) => {
        comments.push(text)
        void wrapper.setProps({ assessment: { prototype: null, scaleUp: null, comment: text } })
      },
    } as unknown as SheetEditing
    const wrapper = mountWithI18n(ThemeAssessment, {
      attachTo: document.body,
      props: { theme: THEMES[0]!, assessment: { prototype: null, scaleUp: null, comment: '' } },
      global: { plugins: [provideEditing(editing)] },
    })
    const { element, description } = await pasteInto(wrapper, 'textarea', 'n'.repeat(2_500))
    expect(element.value).toHaveLength(2_000)
    expect(comments).toEqual(['n'.repeat(2_000)])
    expect(description).toEqual([
      'Pourquoi cette note, ce qui la ferait baisser',
      'Limite atteinte : 2 000 caractères',
      'Texte collé trop long : 2 000 caractères gardés sur 2 500 (limite du champ).',
    ])
  })

  it('a tag being written (50 characters)', async () => {
    const editing = { addRow: () => undefined, removeRow: () => undefined } as unknown as SheetEditing
    const Host = defineComponent({
      setup() {
        provideSheetEditing(editing)
        return () => h(TagsInput, { tags: [] })
      },
    })
    const wrapper = mountWithI18n(Host, { attachTo: document.body })
    const { element, description } = await pasteInto(wrapper, 'input', 't'.repeat(60))
    expect(element.value).toBe('t'.repeat(50))
    expect(description).toContain('Texte collé trop long : 50 caractères gardés sur 60 (limite du champ).')
    expect(description).toContain('Limite atteinte : 50 caractères')
  })

  it('a saved state’s name (200 characters)', async () => {
    const wrapper = mountWithI18n(SnapshotPanel, { attachTo: document.body, props: { snapshots: [], overlaid: '' } })
    const { element, description } = await pasteInto(wrapper, 'input[type="text"]', 's'.repeat(300))
    expect(element.value).toHaveLength(200)
    expect(description).toEqual(['Limite atteinte : 200 caractères', 'Texte collé trop long : 200 caractères gardés sur 300 (limite du champ).'])
  })
})

describe('what a paste keeps', () => {
  it('never splits a character a person sees as one', () => {
    expect(fittingStart('ab😀', 3)).toBe('ab')
    expect(fittingStart('abe\u0301', 3)).toBe('ab')
    expect(fittingStart('abcd', 3)).toBe('abc')
    expect(fittingStart('abc', 0)).toBe('')
  })

  it('counts line breaks as the field holds them', () => {
    expect(textAsInserted('un\r\ndeux\rtrois\n', true)).toBe('un\ndeux\ntrois\n')
    expect(textAsInserted('un\r\ndeux\ntrois\r\n', false)).toBe('un deux trois')
  })
})
