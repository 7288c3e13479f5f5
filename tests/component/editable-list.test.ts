import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import EditableList from '@/components/form/EditableList.vue'
import { mountWithI18n } from './mount-helpers'

describe('EditableList', () => {
  it('renders each row through the item slot', () => {
    const Host = defineComponent({
      setup() {
        const rows = ref([{ label: 'Comité' }])
        return () =>
          h(
            EditableList,
            {
              modelValue: rows.value,
              title: 'Jalons',
              itemName: 'Jalon',
              addLabel: 'Ajouter un jalon',
              createItem: () => ({ label: '' }),
              max: 10,
            },
            { item: ({ item }: { item: { label: string } }) => h('span', item.label) },
          )
      },
    })
    expect(mountWithI18n(Host).text()).toContain('Comité')
  })
})
