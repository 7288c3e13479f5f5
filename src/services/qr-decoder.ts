// Reads QR codes in the frames of a <video>: with the platform's BarcodeDetector where the browser has it (Chrome on
// Android, macOS, ChromeOS), otherwise with jsQR in a worker (Chrome on Windows and Linux, Firefox, Safari), loaded
// only when a scanner opens. One frame at a time: a slow machine reads fewer frames, never a backlog of them.
import type { QrFrame } from '@/workers/qr-decode.worker'

export interface QrDecoder {
  /** The text of the QR code in the video's current frame, or null. */
  read(video: HTMLVideoElement): Promise<string | null>
  close(): void
}

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats(): Promise<string[]>
}

/** The frame's longer side is brought down to this: jsQR's time grows with the pixels, a code stays readable. */
const FRAME_MAX_SIDE = 1280

async function nativeDecoder(): Promise<QrDecoder | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  if (!Detector) return undefined
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return undefined
  } catch {
    return undefined
  }
  const detector = new Detector({ formats: ['qr_code'] })
  return {
    async read(video) {
      const codes = await detector.detect(video)
      return codes[0]?.rawValue ?? null
    },
    close() {},
  }
}

function workerDecoder(): QrDecoder {
  const worker = new Worker(new URL('../workers/qr-decode.worker.ts', import.meta.url), { type: 'module' })
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })!
  return {
    read(video) {
      const scale = Math.min(1, FRAME_MAX_SIDE / Math.max(video.videoWidth, video.videoHeight))
      const width = Math.round(video.videoWidth * scale)
      const height = Math.round(video.videoHeight * scale)
      if (width === 0 || height === 0) return Promise.resolve(null)
      canvas.width = width
      canvas.height = height
      context.drawImage(video, 0, 0, width, height)
      const pixels = context.getImageData(0, 0, width, height).data
      return new Promise((resolve) => {
        worker.onmessage = (event: MessageEvent<string | null>) => resolve(event.data)
        worker.onerror = (event) => {
          event.preventDefault()
          resolve(null)
        }
        const frame: QrFrame = { pixels, width, height }
        worker.postMessage(frame, [pixels.buffer])
      })
    },
    close() {
      worker.terminate()
    },
  }
}

/** The best decoder this browser offers. */
export async function createQrDecoder(): Promise<QrDecoder> {
  return (await nativeDecoder()) ?? workerDecoder()
}
