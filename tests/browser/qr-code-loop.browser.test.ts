import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createTestI18n } from '../i18n'
import QrCodeLoop from '@/components/exchange/QrCodeLoop.vue'

// A long part (a version-20 code: 97 modules + the quiet zone of 4 on each side = 105) and a short one, which alone
// would need a version-4 code.
const PARTS = [`FPD1:1/2:abcdef:0a1b2c3d:${'a'.repeat(800)}`, `FPD1:2/2:abcdef:0a1b2c3d:${'b'.repeat(50)}`]

let wrapper: ReturnType<typeof mount> | undefined
let room: HTMLElement | undefined
const originalRatio = window.devicePixelRatio
afterEach(() => {
  wrapper?.unmount()
  room?.remove()
  Object.defineProperty(window, 'devicePixelRatio', { value: originalRatio, configurable: true })
})

/** The loop in a box 180 CSS pixels wide, on a screen of `ratio` device pixels per CSS pixel. */
async function loopIn180px(ratio: number) {
  Object.defineProperty(window, 'devicePixelRatio', { value: ratio, configurable: true })
  room = document.createElement('div')
  room.style.width = '180px'
  document.body.append(room)
  wrapper = mount(QrCodeLoop, { props: { parts: PARTS }, attachTo: room, global: { plugins: [createTestI18n()] } })
  await nextTick()
  return wrapper.get('canvas').element as HTMLCanvasElement
}

describe('QrCodeLoop in Chromium', () => {
  it('draws every code of a loop at one size, the short part included', async () => {
    const canvas = await loopIn180px(1)
    wrapper!.get('button[aria-pressed]').trigger('click')
    await nextTick()
    const widths = [canvas.width]
    await wrapper!.findAll('button').find((button) => button.text() === 'Code suivant')!.trigger('click')
    await nextTick()
    expect(canvas.getAttribute('aria-label')).toMatch(/^QR code 2 sur 2/)
    widths.push(canvas.width)
    expect(widths).toEqual([105, 105])
  })

  it('gives each module a whole number of the screen’s pixels, as many as fit', async () => {
    // 1 device pixel a CSS pixel: 1 pixel a module (2 would need 210 pixels).
    let canvas = await loopIn180px(1)
    expect(canvas.getBoundingClientRect().width).toBe(105)
    wrapper!.unmount()
    room!.remove()
    wrapper = undefined
    // A phone's 3 device pixels a CSS pixel: 540 device pixels hold 5 a module, 525 device pixels = 175 CSS pixels.
    canvas = await loopIn180px(3)
    expect(canvas.getBoundingClientRect().width).toBeCloseTo(175, 5)
    expect(Number(canvas.style.width.replace('px', '')) * 3).toBeCloseTo(525, 5)
  })
})
