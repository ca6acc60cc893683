import {createHash, createHmac, randomUUID} from 'node:crypto';
import {parse} from 'csv-parse/sync';
import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import {Blob} from './blob';
import {bytesOf, decodeText, toSignedBytes} from './bytes';
import type {ServiceContext} from './context';
import {formatDate} from './date-format';
import {formatString} from './printf';

const DIGEST_ALGORITHM = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;

const MAC_ALGORITHM = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;

const CHARSET = {US_ASCII: 'US_ASCII', UTF_8: 'UTF_8'} as const;

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

function nodeHash(algorithm: string): string {
  const name = NODE_HASH[String(algorithm).replace(/^HMAC_/, '')];
  if (!name)
    throw exception(
      `Invalid argument: algorithm (${algorithm} is not supported here)`,
    );
  return name;
}

const fromBase64 = (encoded: string, webSafe: boolean): Buffer =>
  Buffer.from(
    webSafe ? encoded.replace(/-/g, '+').replace(/_/g, '/') : encoded,
    'base64',
  );

/**
 * `Utilities`. Binary results are signed byte arrays, as in Apps Script;
 * `sleep` advances the emulated clock instead of blocking.
 */
export class Utilities {
  readonly [SERVICE_NAME] = 'Utilities';
  readonly DigestAlgorithm = DIGEST_ALGORITHM;
  readonly MacAlgorithm = MAC_ALGORITHM;
  readonly Charset = CHARSET;

  constructor(private readonly ctx: ServiceContext) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!(date instanceof Date)) throw exception('Invalid argument: date');
    return formatDate(date, String(timeZone), String(format));
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(String(template), args);
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    return toSignedBytes(
      createHash(nodeHash(algorithm)).update(bytesOf(value, charset)).digest(),
    );
  }

  computeHmacSignature(
    algorithm: string,
    value: unknown,
    key: unknown,
    charset?: string,
  ): number[] {
    return toSignedBytes(
      createHmac(nodeHash(algorithm), bytesOf(key, charset))
        .update(bytesOf(value, charset))
        .digest(),
    );
  }

  computeHmacSha256Signature(
    value: unknown,
    key: unknown,
    charset?: string,
  ): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }

  base64Encode(data: unknown, charset?: string): string {
    return bytesOf(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return bytesOf(data, charset)
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: string): number[] {
    return toSignedBytes(
      fromBase64(decodeText(bytesOf(encoded, charset)), false),
    );
  }

  base64DecodeWebSafe(encoded: string, charset?: string): number[] {
    return toSignedBytes(
      fromBase64(decodeText(bytesOf(encoded, charset)), true),
    );
  }

  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(bytesOf(data ?? ''), contentType ?? null, name ?? null);
  }

  getUuid(): string {
    return this.ctx.seededUuid() ?? randomUUID();
  }

  parseCsv(csv: string, delimiter = ','): string[][] {
    return parse(String(csv), {
      delimiter,
      relax_column_count: true,
    }) as string[][];
  }

  sleep(milliseconds: number): void {
    this.ctx.clock.sleep(Math.max(0, Number(milliseconds)));
    this.ctx.checkTimeLimit();
  }
}

/**
 * The `n`th UUID of a seeded run: a version 4 layout over a hash of the seed
 * and the count, so every run gives the same ids in the same order.
 */
export function seededUuid(seed: string, n: number): string {
  const hex = createHash('sha256').update(`${seed}:${n}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
