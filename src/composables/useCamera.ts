// The device's camera in a <video>, for the QR scanner: asked for only when the person says so, stopped when the
// scanner closes (its light goes off), never recorded or sent anywhere. Why it cannot start is said in one word the
// screen turns into French.
import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue'

export type CameraProblem = 'refused' | 'absent' | 'busy' | 'insecure' | 'failed'

export interface CameraChoice {
  deviceId: string
  label: string
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'absent'
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy'
  return 'failed'
}

export function useCamera(video: Ref<HTMLVideoElement | null>) {
  const stream = shallowRef<MediaStream | null>(null)
  const problem = ref<CameraProblem | null>(null)
  const starting = ref(false)
  const cameras = ref<CameraChoice[]>([])
  const cameraId = ref('')

  function stop() {
    stream.value?.getTracks().forEach((track) => track.stop())
    stream.value = null
    if (video.value) video.value.srcObject = null
  }

  /** Starts the camera (the one chosen, or the one facing away from the person on a phone). */
  async function start(deviceId?: string) {
    problem.value = null
    if (!navigator.mediaDevices?.getUserMedia) {
      problem.value = window.isSecureContext ? 'absent' : 'insecure'
      return
    }
    starting.value = true
    stop()
    try {
      const next = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: deviceId
          ? { deviceId: { exact: deviceId }, width: { ideal: 1280 }, height: { ideal: 720 } }
          : { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      })
      stream.value = next
      cameraId.value = next.getVideoTracks()[0]?.getSettings().deviceId ?? ''
      if (video.value) {
        video.value.srcObject = next
        try {
          await video.value.play()
        } catch {
          // Refused autoplay still shows the frames once the person interacts; the scanner reads them meanwhile.
        }
      }
      // Their names are known once the person has allowed one of them.
      const devices = await navigator.mediaDevices.enumerateDevices()
      cameras.value = devices
        .filter((device) => device.kind === 'videoinput')
        .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${index + 1}` }))
    } catch (error) {
      problem.value = problemOf(error)
    } finally {
      starting.value = false
    }
  }

  onBeforeUnmount(stop)
  return { stream, problem, starting, cameras, cameraId, start, stop }
}
