/* eslint-disable vue/one-component-per-file -- each route of the test router is a tiny page of its own */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, onMounted, ref } from 'vue'
import { createMemoryHistory, createRouter, RouterLink, RouterView } from 'vue-router'
import { useRouteFocus } from '@/composables/useRouteFocus'

/** A page whose heading shows at once, or only once its data has come (as the sheet editor's). */
const page = (title: string, { late = false } = {}) =>
  defineComponent({
    setup() {
      const ready = ref(!late)
      onMounted(() => {
        document.title = `${title} — Fiche Projet Data`
        if (late) setTimeout(() => (ready.value = true), 20)
      })
      return () => (ready.value ? h('h1', title) : h('p', 'Chargement…'))
    },
  })

/** A page that puts the keyboard in a field of its own (a new sheet's title). */
const FieldFirst = defineComponent({
  setup() {
    const field = ref<HTMLInputElement | null>(null)
    onMounted(() => setTimeout(() => field.value?.focus(), 40))
    return () => [h('h1', 'Nouvelle fiche'), h('input', { ref: field, 'aria-label': 'Titre du projet' })]
  },
})

/** The full-screen presentation: it places the keyboard on its stage itself. */
const Stage = defineComponent({
  setup() {
    const stage = ref<HTMLElement | null>(null)
    onMounted(() => stage.value?.focus())
    return () => h('section', { ref: stage, tabindex: -1, class: 'stage' }, [h('h1', 'Présentation')])
  },
})

const Frame = defineComponent({
  setup() {
    const { announcement } = useRouteFocus('contenu')
    return () => [
      h('nav', [h(RouterLink, { to: '/ateliers' }, () => 'Ateliers')]),
      h('main', { id: 'contenu', tabindex: -1 }, [h(RouterView)]),
      h('p', { role: 'status', class: 'announcer' }, announcement.value),
    ]
  },
})

let wrapper: VueWrapper | undefined

async function mountFrame() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: page('Mes fiches Projet Data') },
      { path: '/ateliers', component: page('Ateliers') },
      { path: '/fiches/:id', component: page('Mobilité rurale', { late: true }) },
      { path: '/nouvelle', component: FieldFirst },
      { path: '/presentation', component: Stage, meta: { ownsFocus: true } },
    ],
  })
  await router.push('/')
  wrapper = mount(Frame, { attachTo: document.body, global: { plugins: [router] } })
  await flushPromises()
  return router
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 80)).then(flushPromises)
const announced = () => wrapper!.get('.announcer').text()
const focusedText = () => (document.activeElement as HTMLElement | null)?.textContent

afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

describe('useRouteFocus', () => {
  it('moves nothing on the first page: the skip link stays the first tab stop', async () => {
    await mountFrame()
    await settle()
    expect(document.activeElement).toBe(document.body)
    expect(announced()).toBe('')
  })

  it('puts the keyboard on the new page’s heading and announces its title, also when the heading comes late', async () => {
    const router = await mountFrame()
    const link = wrapper!.get('nav a').element as HTMLElement
    link.focus()
    await router.push('/ateliers')
    await settle()
    // The header's link stays on screen: the keyboard still moves to the new page.
    expect(document.activeElement?.tagName).toBe('H1')
    expect(focusedText()).toBe('Ateliers')
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1')
    expect(announced()).toBe('Ateliers — Fiche Projet Data')

    await router.push('/fiches/1')
    await settle()
    expect(focusedText()).toBe('Mobilité rurale')
    expect(announced()).toBe('Mobilité rurale — Fiche Projet Data')
  })

  it('leaves the keyboard where the page put it, and the presentation’s stage alone', async () => {
    const router = await mountFrame()
    await router.push('/nouvelle')
    await settle()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Titre du projet')

    await router.push('/presentation')
    await settle()
    expect(document.activeElement?.classList.contains('stage')).toBe(true)
  })

  it('does not move the keyboard for a query or a hash on the same page', async () => {
    const router = await mountFrame()
    await router.push('/ateliers')
    await settle()
    const field = document.createElement('input')
    wrapper!.get('main').element.append(field)
    field.focus()
    await router.push('/ateliers?tri=titre#liste')
    await settle()
    expect(document.activeElement).toBe(field)
  })
})
