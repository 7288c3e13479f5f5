import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import ScoreControl from '@/components/radar/ScoreControl.vue'
import { mountWithI18n } from '../support/mount-helpers'

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

function mountControl(props: Partial<InstanceType<typeof ScoreControl>['$props']> = {}) {
  return mountWithI18n(ScoreControl, {
    props: { themeId: 'cybersecurite', axis: 'prototype', modelValue: null, ...props },
  })
}

/** The radio whose label reads `name`, as a user finds it. */
function radio(wrapper: VueWrapper, name: string) {
  const label = wrapper.findAll('label').find((candidate) => squash(candidate.text()) === name)
  if (!label) throw new Error(`No radio labelled "${name}"`)
  return label.find('input[type="radio"]')
}

describe('ScoreControl', () => {
  it('is a group named after the theme and the axis', () => {
    const prototype = mountControl()
    const scaleUp = mountControl({ axis: 'scaleUp' })
    expect(prototype.find('fieldset').exists()).toBe(true)
    expect(squash(prototype.find('fieldset > legend').text())).toBe('Cybersécurité — Difficulté pour le prototype')
    expect(squash(scaleUp.find('fieldset > legend').text())).toBe('Cybersécurité — Frein au passage à l’échelle')
  })

  it('offers the five levels and "Non évalué" as radios of one group', () => {
    const wrapper = mountControl()
    const labels = wrapper.findAll('label').map((label) => squash(label.text()))
    expect(labels).toEqual(['0 Aucun', '1 Faible', '2 Modéré', '3 Fort', '4 Critique', 'Non évalué'])
    const names = new Set(wrapper.findAll('input[type="radio"]').map((input) => input.attributes('name')))
    expect(names.size).toBe(1)
  })

  it('gives each control its own group, so arrow keys never jump to another score', () => {
    // Same theme and axis twice in one app, as a preview beside the form would render it.
    const Twice = defineComponent({
      setup: () => () => [
        h(ScoreControl, { themeId: 'rgpd', axis: 'scaleUp', modelValue: null }),
        h(ScoreControl, { themeId: 'rgpd', axis: 'scaleUp', modelValue: null }),
      ],
    })
    const [first, second] = mountWithI18n(Twice).findAll('fieldset')
    expect(first?.find('input').attributes('name')).toBeTruthy()
    expect(first?.find('input').attributes('name')).not.toBe(second?.find('input').attributes('name'))
  })

  it('checks the current score, and "Non évalué" when the score is null', async () => {
    const wrapper = mountControl({ modelValue: 3 })
    expect((radio(wrapper, '3 Fort').element as HTMLInputElement).checked).toBe(true)
    expect((radio(wrapper, 'Non évalué').element as HTMLInputElement).checked).toBe(false)
    await wrapper.setProps({ modelValue: null })
    expect((radio(wrapper, 'Non évalué').element as HTMLInputElement).checked).toBe(true)
    expect((radio(wrapper, '3 Fort').element as HTMLInputElement).checked).toBe(false)
  })

  it('emits the chosen level', async () => {
    const wrapper = mountControl()
    await radio(wrapper, '4 Critique').setValue(true)
    await radio(wrapper, '0 Aucun').setValue(true)
    expect(wrapper.emitted('update:modelValue')).toEqual([[4], [0]])
  })

  it('emits null when the score is taken back to "Non évalué"', async () => {
    const wrapper = mountControl({ modelValue: 2 })
    await radio(wrapper, 'Non évalué').setValue(true)
    expect(wrapper.emitted('update:modelValue')).toEqual([[null]])
  })
})
