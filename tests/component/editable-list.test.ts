import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref, type Component } from 'vue'
import EditableList from '@/components/form/EditableList.vue'
import { useNotificationsStore } from '@/stores/notifications'
import { mountWithI18n } from './mount-helpers'

interface Row {
  label: string
}

function mountList(initial: Row[], max = 10) {
  const rows = ref<Row[]>(initial)
  const Host = defineComponent({
    setup() {
      return () =>
        h(
          EditableList as unknown as Component,
          {
            modelValue: rows.value,
            'onUpdate:modelValue': (value: Row[]) => (rows.value = value),
            title: 'Jalons',
            itemName: 'Jalon',
            addLabel: 'Ajouter un jalon',
            createItem: (): Row => ({ label: '' }),
            max,
          },
          {
            item: ({ item, label }: { item: Row; label: string }) =>
              h('input', {
                'aria-label': label,
                value: item.label,
                onInput: (event: Event) => (item.label = (event.target as HTMLInputElement).value),
              }),
          },
        )
    },
  })
  const wrapper = mountWithI18n(Host, { attachTo: document.body })
  return { wrapper, rows }
}

const button = (wrapper: ReturnType<typeof mountList>['wrapper'], name: string) =>
  wrapper.get(`button[aria-label="${name}"]`)

describe('EditableList', () => {
  it('says the list is empty, then adds a row and puts the keyboard in it', async () => {
    const { wrapper, rows } = mountList([])
    expect(wrapper.text()).toContain('Aucun élément pour l’instant.')
    await wrapper.get('button:not([aria-label])').trigger('click')
    await new Promise((resolve) => setTimeout(resolve))
    expect(rows.value).toEqual([{ label: '' }])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Jalon 1')
    wrapper.unmount()
  })

  it('names each row\'s buttons after the row, for screen readers', () => {
    const { wrapper } = mountList([{ label: 'A' }, { label: 'B' }])
    expect(wrapper.find('button[aria-label="Monter Jalon 2"]').exists()).toBe(true)
    expect(wrapper.find('button[aria-label="Descendre Jalon 1"]').exists()).toBe(true)
    expect(button(wrapper, 'Monter Jalon 1').attributes('disabled')).toBeDefined()
    expect(button(wrapper, 'Descendre Jalon 2').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('reorders rows up and down', async () => {
    const { wrapper, rows } = mountList([{ label: 'A' }, { label: 'B' }, { label: 'C' }])
    await button(wrapper, 'Monter Jalon 3').trigger('click')
    expect(rows.value.map((row) => row.label)).toEqual(['A', 'C', 'B'])
    await button(wrapper, 'Descendre Jalon 1').trigger('click')
    expect(rows.value.map((row) => row.label)).toEqual(['C', 'A', 'B'])
    wrapper.unmount()
  })

  it('removes a row and brings it back at the same place with "Annuler"', async () => {
    const { wrapper, rows } = mountList([{ label: 'A' }, { label: 'B' }, { label: 'C' }])
    await button(wrapper, 'Supprimer Jalon 2').trigger('click')
    expect(rows.value.map((row) => row.label)).toEqual(['A', 'C'])
    const notifications = useNotificationsStore()
    const [notice] = notifications.notifications
    expect(notice?.message).toBe('Jalon 2 supprimé.')
    expect(notice?.action?.label).toBe('Annuler')
    await notifications.runAction(notice!.id)
    expect(rows.value.map((row) => row.label)).toEqual(['A', 'B', 'C'])
    wrapper.unmount()
  })

  it('stops offering to add rows at the format\'s limit', () => {
    const { wrapper } = mountList([{ label: 'A' }, { label: 'B' }], 2)
    expect(wrapper.find('button:not([aria-label])').exists()).toBe(false)
    expect(wrapper.text()).toContain('2 éléments au maximum.')
    wrapper.unmount()
  })
})
