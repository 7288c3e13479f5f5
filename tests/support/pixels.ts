// The pixels of a PNG blob, in the browser tests: drawn on an OffscreenCanvas and read back.
export async function pixelsOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob)
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d')!
  context.drawImage(bitmap, 0, 0)
  const { width, height } = bitmap
  bitmap.close()
  return { width, height, data: context.getImageData(0, 0, width, height).data }
}

/** Base64 of bytes, for writing sample images with Vitest's browser commands. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  return btoa(binary)
}
