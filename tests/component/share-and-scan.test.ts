// The share dialog and the QR scanner where a browser differs: the system's share sheet offered only where files can
// be shared; the camera refused, absent or busy said in French; the camera stopped when the scanner closes.
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ShareLinkDialog from '@/components/exchange/ShareLinkDialog.vue'
import QrScannerDialog from '@/components/exchange/QrScannerDialog.vue'
import type { SharePackage } from '@/stores/exchange'
import { mountWithI18n } from '../support/mount-helpers'

vi.mock('@/storage', () => import('../support/storage-double'))
vi.mock('@/services/qr-decoder', () => ({ createQrDecoder: async () => ({ read: async () => null, close: () => undefined }) }))

const share: SharePackage = {
  payload: 'q1Yqz0ksSVSyUlAqTs0rTU0qzszPU7IyMDAwAAA',
  fragment: 'partage=00000000.q1Yqz0ksSVSyUlAqTs0rTU0qzszPU7IyMDAwAAA',
  fileText: '{"format":"fiche-projet-data"}\n',
  fileName: 'fiche-compteurs-velo.json',
  sheetCount: 1,
  workshopTitle: null,
}

const original = { canShare: navigator.canShare, share: navigator.share, mediaDevices: navigator.mediaDevices }
afterEach(() => {
  Object.assign(navigator, original)
  document.body.innerHTML = ''
})

function define(name: string, value: unknown) {
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true })
}

describe('the share dialog', () => {
  it('offers the system’s share sheet only where the browser can share files, and hands it the file', async () => {
    define('canShare', undefined)
    const without = mountWithI18n(ShareLinkDialog, { props: { share, title: 'Compteurs vélo' }, attachTo: document.body })
    expect(without.text()).not.toContain('Partager le fichier…')
    without.unmount()

    const shared: ShareData[] = []
    define('canShare', (data: ShareData) => (data.files?.length ?? 0) > 0)
    define('share', async (data: ShareData) => void shared.push(data))
    const wrapper = mountWithI18n(ShareLinkDialog, { props: { share, title: 'Compteurs vélo' }, attachTo: document.body })
    const button = wrapper.findAll('button').find((candidate) => candidate.text() === 'Partager le fichier…')!
    await button.trigger('click')
    await flushPromises()
    expect(shared).toHaveLength(1)
    expect(shared[0]!.files![0]!.name).toBe('fiche-compteurs-velo.json')
    expect(await shared[0]!.files![0]!.text()).toBe(share.fileText)
    expect(wrapper.text()).toContain('Fichier « fiche-compteurs-velo.json » transmis.')
  })
})

describe('the QR scanner', () => {
  function mountScanner() {
    return mountWithI18n(QrScannerDialog, { attachTo: document.body })
  }

  async function start(wrapper: ReturnType<typeof mountScanner>) {
    await wrapper.findAll('button').find((button) => /Activer la caméra|Réessayer/.test(button.text()))!.trigger('click')
    await flushPromises()
  }

  it('says why it needs the camera before asking for it', () => {
    const getUserMedia = vi.fn()
    define('mediaDevices', { getUserMedia, enumerateDevices: async () => [] })
    const wrapper = mountScanner()
    expect(wrapper.text()).toContain('l’application a besoin de la caméra de cet appareil')
    expect(wrapper.text()).toContain('elle n’est ni enregistrée ni envoyée')
    expect(getUserMedia).not.toHaveBeenCalled()
  })

  it.each([
    ['NotAllowedError', 'L’accès à la caméra a été refusé.'],
    ['NotFoundError', 'Aucune caméra n’a été trouvée sur cet appareil.'],
    ['NotReadableError', 'La caméra est déjà utilisée par une autre application'],
  ])('says in French what stopped the camera (%s)', async (name, message) => {
    define('mediaDevices', { getUserMedia: async () => Promise.reject(new DOMException('', name)), enumerateDevices: async () => [] })
    const wrapper = mountScanner()
    await start(wrapper)
    expect(wrapper.get('[role="alert"]').text()).toContain(message)
    expect(wrapper.text()).toContain('Réessayer')
  })

  it('stops the camera when it closes', async () => {
    const stop = vi.fn()
    const track = { stop, getSettings: () => ({ deviceId: 'camera-1' }) }
    // A MediaStream (the video element takes nothing else) whose one track is watched.
    const stream = Object.assign(new MediaStream(), { getTracks: () => [track], getVideoTracks: () => [track] })
    define('mediaDevices', {
      getUserMedia: async () => stream,
      enumerateDevices: async () => [
        { kind: 'videoinput', deviceId: 'camera-1', label: 'Caméra intégrée' },
        { kind: 'videoinput', deviceId: 'camera-2', label: 'Caméra USB' },
      ],
    })
    HTMLMediaElement.prototype.play = async () => undefined
    const wrapper = mountScanner()
    await start(wrapper)
    // Two cameras: a list to switch between them.
    expect(wrapper.get('select').findAll('option').map((option) => option.text())).toEqual(['Caméra intégrée', 'Caméra USB'])
    expect(wrapper.text()).toContain('Aucune fiche reçue pour l’instant')
    await wrapper.findAll('button').find((button) => button.text() === 'Terminer')!.trigger('click')
    expect(stop).toHaveBeenCalled()
    wrapper.unmount()
  })
})
