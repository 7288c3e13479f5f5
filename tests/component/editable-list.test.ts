import { describe, expect, it } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import EditableList from '@/components/form/EditableList.vue'
import type { Milestone } from '@/domain/sheet'
import { provideSheetEditing } from '@/composables/useSheetEditing'
import { useNotificationsStore } from '@/stores/notifications'
import { mountWithI18n } from '../support/mount-helpers'
import { createSheetEditingDouble } from '../support/sheet-editing-double'

const list = 'project.calendar.milestones'

function mountList(labels: string[], max = 10) {
  const double = createSheetEditingDouble()
  double.state.sheet.project.calendar.milestones = labels.map((label) => ({ label, date: null }))
  double.state.keys[list] = labels.map((_, index) => 1_000 + index)
  const Host = defineComponent({
    setup() {
      provideSheetEditing(double.editing)
      return () =>
        h(
          EditableList as unknown as Component,
          {
            list,
            items: double.state.sheet.project.calendar.milestones,
            title: 'Jalons',
            itemName: 'Jalon',
            addLabel: 'Ajouter un jalon',
            max,
          },
          {
            item: ({ item, index, label }: { item: Milestone; index: number; label: string }) =>
              h('input', {
                'aria-label': label,
                value: item.label,
                onInput: (event: Event) =>
                  double.editing.setRowField(list, index, 'label', (event.target as HTMLInputElement).value),
              }),
          },
        )
    },
  })
  const wrapper = mountWithI18n(Host, { attachTo: document.body })
  const labelsNow = () => double.rows(list).map((row) => row.label)
  return { wrapper, double, labelsNow }
}

const button = (wrapper: ReturnType<typeof mountList>['wrapper'], name: string) =>
  wrapper.get(`button[aria-label="${name}"]`)

describe('EditableList', () => {
  it('says the list is empty, then adds a row through the edit API and puts the keyboard in it', async () => {
    const { wrapper, double } = mountList([])
    expect(wrapper.text()).toContain('Aucun élément pour l’instant.')
    await wrapper.get('button:not([aria-label])').trigger('click')
    await new Promise((resolve) => setTimeout(resolve))
    expect(double.rows(list)).toEqual([{ label: '', date: null }])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Jalon 1')
    wrapper.unmount()
  })

  it('names each row\'s buttons after the row, for screen readers', () => {
    const { wrapper } = mountList(['A', 'B'])
    expect(wrapper.find('button[aria-label="Monter Jalon 2"]').exists()).toBe(true)
    expect(wrapper.find('button[aria-label="Descendre Jalon 1"]').exists()).toBe(true)
    expect(button(wrapper, 'Monter Jalon 1').attributes('disabled')).toBeDefined()
    expect(button(wrapper, 'Descendre Jalon 2').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('reorders rows up and down, their keys with them', async () => {
    const { wrapper, double, labelsNow } = mountList(['A', 'B', 'C'])
    await button(wrapper, 'Monter Jalon 3').trigger('click')
    expect(labelsNow()).toEqual(['A', 'C', 'B'])
    await button(wrapper, 'Descendre Jalon 1').trigger('click')
    expect(labelsNow()).toEqual(['C', 'A', 'B'])
    expect(double.state.keys[list]).toEqual([1_002, 1_000, 1_001])
    wrapper.unmount()
  })

  it('removes a row and brings it back at the same place with "Annuler"', async () => {
    const { wrapper, double, labelsNow } = mountList(['A', 'B', 'C'])
    await button(wrapper, 'Supprimer Jalon 2').trigger('click')
    expect(labelsNow()).toEqual(['A', 'C'])
    const notifications = useNotificationsStore()
    const [notice] = notifications.notifications
    expect(notice?.message).toBe('Jalon 2 supprimé.')
    expect(notice?.action?.label).toBe('Annuler')
    await notifications.runAction(notice!.id)
    expect(labelsNow()).toEqual(['A', 'B', 'C'])
    expect(double.state.keys[list]).toEqual([1_000, 1_001, 1_002])
    wrapper.unmount()
  })

  it('tells the store when the focus leaves a row for elsewhere on the page, not when it moves inside it', async () => {
    const { wrapper, double } = mountList(['A', 'B'])
    const rows = wrapper.findAll('li')
    ;(rows[0]!.get('input').element as HTMLInputElement).focus()
    ;(rows[0]!.get('button[data-action="remove"]').element as HTMLButtonElement).focus()
    await new Promise((resolve) => setTimeout(resolve))
    expect(double.state.left).toEqual([])
    ;(rows[1]!.get('input').element as HTMLInputElement).focus()
    await new Promise((resolve) => setTimeout(resolve))
    expect(double.state.left).toEqual([{ list, index: 0 }])
    wrapper.unmount()
  })

  it('stops offering to add rows at the format\'s limit', () => {
    const { wrapper } = mountList(['A', 'B'], 2)
    expect(wrapper.find('button:not([aria-label])').exists()).toBe(false)
    expect(wrapper.text()).toContain('2 éléments au maximum.')
    wrapper.unmount()
  })
})
