/** Scans and images the server stores (POST /files): PDF, PNG, JPEG up to 8 MB. */
export const UPLOAD_MIMES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type UploadMime = (typeof UPLOAD_MIMES)[number];
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const UPLOAD_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The declared type of a picked file: the browser's type, else from the extension. */
export function uploadMimeOf(name: string, browserType: string): UploadMime | null {
  const type = browserType.toLowerCase();
  if ((UPLOAD_MIMES as readonly string[]).includes(type)) return type as UploadMime;
  if (type === 'image/jpg' || type === 'image/pjpeg') return 'image/jpeg';
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'pdf') return 'application/pdf';
  if (ext === 'png') return 'image/png';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  return null;
}

/** Base64 of bytes, in chunks (String.fromCharCode with a huge spread overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function isImageMime(mime: string | null | undefined): boolean {
  return !!mime && mime.startsWith('image/');
}
