import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {CacheEntries} from '../state';
import type {ServiceContext} from './context';

/** Key ≤ 250 chars, value ≤ 100 KB, TTL 1–21,600 s, default 600 (PLATFORM.md). */
const CACHE_KEY_LIMIT = 250;
const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
const CACHE_DEFAULT_TTL_S = 600;
const CACHE_MAX_TTL_S = 21600;

/**
 * `CacheService`: script, user and document caches. Like document
 * properties, the document cache is null where there is no document.
 */
export class CacheService {
  readonly [SERVICE_NAME] = 'CacheService';

  constructor(private readonly ctx: ServiceContext) {}

  getScriptCache(): Cache {
    this.ctx.require('cache', 'CacheService.getScriptCache');
    return new Cache(this.ctx, this.ctx.state.cache.script);
  }

  getUserCache(): Cache {
    this.ctx.require('cache', 'CacheService.getUserCache');
    const user = this.ctx.execution().spec.user;
    return new Cache(this.ctx, (this.ctx.state.cache.user[user] ??= {}));
  }

  getDocumentCache(): Cache | null {
    this.ctx.require('cache', 'CacheService.getDocumentCache');
    const documentId = this.ctx.execution().spec.documentId;
    if (documentId === null) return null;
    return new Cache(
      this.ctx,
      (this.ctx.state.cache.document[documentId] ??= {}),
    );
  }
}

/** Entries expire by the emulated clock. (The real cache may also evict early; this one never does.) */
export class Cache {
  readonly [SERVICE_NAME] = 'Cache';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly entries: CacheEntries,
  ) {}

  get(key: string): string | null {
    const k = checkKey(key);
    const entry = this.entries[k];
    if (!entry) return null;
    if (entry.expiresAt <= this.ctx.clock.nowMs()) {
      delete this.entries[k];
      return null;
    }
    return entry.value;
  }

  /** Only the keys that have a live entry appear in the result. */
  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[String(key)] = value;
    }
    return found;
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this.putAll({[checkKey(key)]: value}, expirationInSeconds);
  }

  putAll(
    values: Record<string, unknown>,
    expirationInSeconds = CACHE_DEFAULT_TTL_S,
  ): void {
    const ttl = Math.min(
      CACHE_MAX_TTL_S,
      Math.max(1, Number(expirationInSeconds)),
    );
    const expiresAt = this.ctx.clock.nowMs() + ttl * 1000;
    const checked = Object.entries(values).map(([key, value]) => {
      const text = String(value);
      if (Buffer.byteLength(text, 'utf8') > CACHE_VALUE_LIMIT_BYTES) {
        throw exception('Argument too large: value');
      }
      return [checkKey(key), text] as const;
    });
    for (const [key, value] of checked) this.entries[key] = {value, expiresAt};
  }

  remove(key: string): void {
    delete this.entries[checkKey(key)];
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.remove(key);
  }
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k.length > CACHE_KEY_LIMIT) throw exception('Argument too large: key');
  return k;
}
