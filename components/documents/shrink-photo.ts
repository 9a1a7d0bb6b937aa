import { fittedSize } from '@/lib/storage/document-formats'

/**
 * A photo (JPEG or PNG) over the size limit, re-encoded as a JPEG that fits: scaled down to
 * a legible size, then at decreasing qualities. Returns the original file when it already
 * fits, is not a photo, or cannot be made small enough (the server then says why).
 */
export async function shrinkPhoto(file: File, maxBytes: number): Promise<File> {
  if (
    file.size <= maxBytes ||
    !/^image\/(jpeg|png)$/.test(file.type) ||
    typeof createImageBitmap !== 'function'
  )
    return file
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    const { width, height } = fittedSize(bitmap.width, bitmap.height)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) return file
    context.fillStyle = '#fff'
    context.fillRect(0, 0, width, height)
    context.drawImage(bitmap, 0, 0, width, height)
    bitmap.close()
    for (const quality of [0.85, 0.7, 0.55]) {
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', quality),
      )
      if (blob && blob.size <= maxBytes)
        return new File([blob], file.name.replace(/\.(jpe?g|png)$/i, '') + '.jpg', {
          type: 'image/jpeg',
        })
    }
  } catch {
    // An image the browser cannot decode goes as it is.
  }
  return file
}
