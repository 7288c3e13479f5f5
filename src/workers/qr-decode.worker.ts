// Reads a QR code in a camera frame with jsQR, off the main thread (plain JavaScript: no WebAssembly, so the
// Content-Security-Policy stays as it is). Answers the code's text, or null when the frame holds none.
import jsQR from 'jsqr'

export interface QrFrame {
  pixels: Uint8ClampedArray<ArrayBuffer>
  width: number
  height: number
}

self.onmessage = (event: MessageEvent<QrFrame>) => {
  const { pixels, width, height } = event.data
  // A screen filmed by a camera shows dark modules on light: the inverted attempt would only double the time.
  const code = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })
  self.postMessage(code?.data || null)
}
