import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {ServiceContext} from './context';

/** 9 KB per value and 500 KB per store (PLATFORM.md "Quotas"). */
const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `PropertiesService`. Script properties are shared by everyone, user
 * properties are per user, document properties per document — and a
 * time-driven trigger has no document, so getDocumentProperties() is null
 * there (PLATFORM.md).
 */
export class PropertiesService {
  readonly [SERVICE_NAME] = 'PropertiesService';

  constructor(private readonly ctx: ServiceContext) {}

  getScriptProperties(): Properties {
    this.ctx.require('properties', 'PropertiesService.getScriptProperties');
    return new Properties(this.ctx.state.properties.script);
  }

  getUserProperties(): Properties {
    this.ctx.require('properties', 'PropertiesService.getUserProperties');
    const user = this.ctx.execution().spec.user;
    const stores = this.ctx.state.properties.user;
    return new Properties((stores[user] ??= {}));
  }

  getDocumentProperties(): Properties | null {
    this.ctx.require('properties', 'PropertiesService.getDocumentProperties');
    const documentId = this.ctx.execution().spec.documentId;
    if (documentId === null) return null;
    const stores = this.ctx.state.properties.document;
    return new Properties((stores[documentId] ??= {}));
  }
}

/** One property store: strings by key, with the real size limits. */
export class Properties {
  readonly [SERVICE_NAME] = 'Properties';

  constructor(private readonly store: Record<string, string>) {}

  getProperty(key: string): string | null {
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(this.store, k)
      ? this.store[k]
      : null;
  }

  getProperties(): Record<string, string> {
    return {...this.store};
  }

  getKeys(): string[] {
    return Object.keys(this.store);
  }

  setProperty(key: string, value: unknown): Properties {
    this.write({[String(key)]: value}, false);
    return this;
  }

  setProperties(
    properties: Record<string, unknown>,
    deleteAllOthers = false,
  ): Properties {
    this.write(properties, deleteAllOthers);
    return this;
  }

  deleteProperty(key: string): Properties {
    delete this.store[String(key)];
    return this;
  }

  deleteAllProperties(): Properties {
    for (const key of Object.keys(this.store)) delete this.store[key];
    return this;
  }

  /** All or nothing: a write that would break a limit changes nothing. */
  private write(
    properties: Record<string, unknown>,
    deleteAllOthers: boolean,
  ): void {
    const next: Record<string, string> = deleteAllOthers ? {} : {...this.store};
    for (const [key, value] of Object.entries(properties)) {
      const text = String(value);
      if (bytes(text) > PROPERTY_VALUE_LIMIT_BYTES) {
        throw exception('Argument too large: value');
      }
      next[key] = text;
    }
    const total = Object.entries(next).reduce(
      (sum, [k, v]) => sum + bytes(k) + bytes(v),
      0,
    );
    if (total > PROPERTY_STORE_LIMIT_BYTES) {
      throw exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    for (const key of Object.keys(this.store)) delete this.store[key];
    Object.assign(this.store, next);
  }
}
