import {SERVICE_NAME} from '../realm';
import {bytesOf, decodeText, toSignedBytes} from './bytes';

/** `Blob`: bytes with a content type and a name (what Utilities.newBlob and HTTPResponse.getBlob give). */
export class Blob {
  readonly [SERVICE_NAME] = 'Blob';

  constructor(
    private data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }

  setBytes(data: number[]): Blob {
    this.data = bytesOf(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.data, charset ?? charsetOf(this.contentType));
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.data = bytesOf(String(text), charset);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  copyBlob(): Blob {
    return new Blob(Buffer.from(this.data), this.contentType, this.name);
  }

  /** The raw bytes, for the emulator's own use (mail attachments, payloads). */
  bytes(): Buffer {
    return this.data;
  }
}

export function charsetOf(
  contentType: string | null | undefined,
): string | undefined {
  return /charset=([^;\s]+)/i
    .exec(contentType ?? '')?.[1]
    ?.replace(/^"|"$/g, '');
}
