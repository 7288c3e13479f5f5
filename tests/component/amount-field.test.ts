import { describe, expect, it } from 'vitest'
import AmountField from '@/components/form/AmountField.vue'
import { mountWithI18n } from '../support/mount-helpers'

function mountField(value: number | null = null) {
  const updates: (number | null)[] = []
  const wrapper = mountWithI18n(AmountField, {
    props: { label: 'Budget total (€)', modelValue: value, 'onUpdate:modelValue': (next: number | null) => updates.push(next) },
  })
  return { wrapper, updates, input: wrapper.get('input') }
}

describe('AmountField', () => {
  it('takes amounts typed the French way', async () => {
    const { updates, input } = mountField()
    await input.setValue('12,5')
    await input.setValue('1 234,50 €')
    expect(updates).toEqual([12.5, 1234.5])
    expect(input.attributes('inputmode')).toBe('decimal')
    expect(input.attributes('type')).toBe('text')
  })

  it('says what is not an amount and stores nothing of it', async () => {
    const { wrapper, updates, input } = mountField(45000)
    await input.setValue('douze mille')
    expect(updates).toEqual([])
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toBe(
      'Saisissez un montant en euros, par exemple 12 500 ou 12,5.',
    )
  })

  it('shows a stored amount the French way, and an empty field as no amount', async () => {
    const { input, updates } = mountField(12500.5)
    expect((input.element as HTMLInputElement).value.replace(/\u202f|\u00a0/g, ' ')).toBe('12 500,5')
    await input.setValue('')
    expect(updates).toEqual([null])
  })
})
