// The empty library: its words on the examples sit next to the button that loads them, in the same box.
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSheet } from '@/domain/sheet'
import LibraryView from '@/views/LibraryView.vue'
import { useMemoryStorage } from '../support/storage-double'
import { mountWithI18n } from '../support/mount-helpers'

vi.mock('@/storage', () => import('../support/storage-double'))

async function mountLibrary(titles: string[]) {
  useMemoryStorage(titles.map((title) => createSheet({ title, now: new Date() })))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'library', component: LibraryView },
      { path: '/fiches/:id', name: 'sheet', component: { render: () => null } },
      { path: '/corbeille', name: 'trash', component: { render: () => null } },
    ],
  })
  await router.push('/')
  const wrapper = mountWithI18n(LibraryView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const examplesButtons = (wrapper: Awaited<ReturnType<typeof mountLibrary>>) =>
  wrapper.findAll('button').filter((button) => button.text() === 'Charger les exemples')

describe('the empty library', () => {
  beforeEach(() => localStorage.clear())

  it('offers the examples in its own box, right under the words that say what they are', async () => {
    const wrapper = await mountLibrary([])
    const empty = wrapper.get('section.empty')
    expect(empty.attributes('aria-labelledby')).toBe(empty.get('h2').attributes('id'))
    // One « Charger les exemples », in the box, described by the hint just before it.
    expect(examplesButtons(wrapper)).toHaveLength(1)
    const button = empty.findAll('button').find((candidate) => candidate.text() === 'Charger les exemples')
    expect(button).toBeDefined()
    const hint = empty.get(`#${button!.attributes('aria-describedby')}`)
    expect(hint.text()).toMatch(/^Des fiches fictives/)
    expect(hint.element.nextElementSibling).toBe(button!.element)
    wrapper.unmount()
  })

  it('loads them from there, then puts the keyboard on the button that takes them back', async () => {
    const wrapper = await mountLibrary([])
    const button = examplesButtons(wrapper)[0]!
    ;(button.element as HTMLButtonElement).focus()
    await button.trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('article').length).toBeGreaterThan(0))
    await flushPromises()
    expect(wrapper.find('section.empty').exists()).toBe(false)
    expect(document.activeElement?.textContent?.trim()).toMatch(/^Retirer les exemples \(\d+\)$/)
    wrapper.unmount()
  })

  it('keeps the examples among the library’s actions once it holds sheets', async () => {
    const wrapper = await mountLibrary(['Mobilité rurale'])
    const [button] = examplesButtons(wrapper)
    expect(examplesButtons(wrapper)).toHaveLength(1)
    expect(button!.element.closest('.library__actions')).not.toBeNull()
    expect(document.getElementById(button!.attributes('aria-describedby')!)?.textContent).toMatch(/^Des fiches fictives/)
    wrapper.unmount()
  })
})
