/**
 * Apps Script moves binary data as Java byte[]: arrays of SIGNED numbers
 * −128…127 (PLATFORM.md: computeDigest returns signed bytes).
 */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, byte => (byte > 127 ? byte - 256 : byte));
}

/** Text is encoded with the named charset (Utilities.Charset), UTF-8 by default. */
function encodeText(text: string, charset?: string): Buffer {
  return Buffer.from(text, isLatin(charset) ? 'latin1' : 'utf8');
}

export function decodeText(bytes: Uint8Array, charset?: string): string {
  if (isLatin(charset)) return Buffer.from(bytes).toString('latin1');
  return new TextDecoder(charset || 'utf-8').decode(bytes);
}

function isLatin(charset: string | undefined): boolean {
  return (
    !!charset &&
    /^(US_ASCII|US-ASCII|ASCII|ISO-8859-1|ISO_8859_1|LATIN1)$/i.test(charset)
  );
}

/** A string (encoded with `charset`) or a byte[] from the script, as bytes. */
export function bytesOf(data: unknown, charset?: string): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map(n => Number(n) & 0xff));
  if (data instanceof Uint8Array) return Buffer.from(data);
  return encodeText(String(data), charset);
}
