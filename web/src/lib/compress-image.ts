/** Photos larger than this are scaled down before upload: phone cameras take 4–12 MB pictures. */
const MAX_BYTES = 1.5 * 1024 * 1024;
const MAX_SIDE = 2048;
const QUALITY = 0.85;

/**
 * A camera photo made small enough to send over a weak mobile connection: at most 2048 px on the
 * long side, as JPEG. Small images and anything the browser cannot decode are sent as they are
 * (the server sniffs the type and refuses what is not an image).
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= MAX_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

/** The file name to send with a (possibly re-encoded) photo. */
export function photoName(file: File, sent: Blob): string {
  return sent === file ? file.name : `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
}
