import * as vm from 'node:vm';

/**
 * Marks an emulator service object with the Apps Script class name its calls
 * are counted under ('Properties', 'MailApp', …). SpreadsheetApp's objects
 * count themselves through the Host, so they carry no mark.
 */
export const SERVICE_NAME = Symbol('whuffie.serviceName');

export interface Service {
  readonly [SERVICE_NAME]: string;
}

export function serviceNameOf(target: object): string | undefined {
  return (target as Partial<Service>)[SERVICE_NAME];
}

export interface RealmHooks {
  /**
   * Runs before every call a script makes into an emulator object, with the
   * object and method name: counting, the execution time limit.
   */
  beforeCall(target: object, method: string): void;
}

interface Intrinsics {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  /** Removes every global added since the prelude ran (see Realm.reset). */
  reset: () => void;
}

/**
 * Runs first in every fresh context. It makes the context's `Date` follow the
 * emulated clock — `new Date()` and `Date.now()` read it, `new Date(x)` is
 * untouched — while keeping `instanceof Date`, `Date.prototype` and
 * subclassing intact. It also removes V8's own `console` (ours replaces it)
 * and returns the context's intrinsics, so values the emulator hands to the
 * script are built in the script's realm (`getValues()[0][0] instanceof Date`
 * must hold inside the bundle), plus a reset that returns the global scope
 * to this point.
 */
const PRELUDE = new vm.Script(
  `(function (clockNow) {
    'use strict';
    const NativeDate = Date;
    const EmulatedDate = function Date(...args) {
      if (new.target === undefined) return new NativeDate(clockNow()).toString();
      return Reflect.construct(NativeDate, args.length === 0 ? [clockNow()] : args, new.target);
    };
    EmulatedDate.prototype = NativeDate.prototype;
    Object.defineProperty(NativeDate.prototype, 'constructor', {
      value: EmulatedDate, writable: true, configurable: true, enumerable: false,
    });
    EmulatedDate.now = function now() { return Math.floor(clockNow()); };
    EmulatedDate.parse = NativeDate.parse;
    EmulatedDate.UTC = NativeDate.UTC;
    Object.defineProperty(globalThis, 'Date', {
      value: EmulatedDate, writable: true, configurable: true, enumerable: false,
    });
    delete globalThis.console;
    const baseline = new Set(Object.getOwnPropertyNames(globalThis));
    const reset = function reset() {
      for (const name of Object.getOwnPropertyNames(globalThis)) {
        if (baseline.has(name)) continue;
        if (!Reflect.deleteProperty(globalThis, name)) {
          try { globalThis[name] = undefined; } catch (e) { /* a frozen global stays */ }
        }
      }
    };
    return {Date: EmulatedDate, Error, Object, Array, reset};
  })`,
  {filename: 'emulator-prelude.js'},
);

const isPlain = (value: object, realmObjectPrototype: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return (
    proto === null ||
    proto === Object.prototype ||
    proto === realmObjectPrototype
  );
};

const isDate = (value: object): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/**
 * One script execution's V8 context, and the membrane between it and the
 * emulator (Node's realm):
 * - values going in are rebuilt with the context's Date/Array/Object, and
 *   emulator objects (a Range, a Properties store) are handed over as
 *   proxies whose methods convert arguments out, results in, and errors into
 *   the context's `Error` (so `e instanceof Error` holds in a catch block);
 * - values coming out are rebuilt with Node's own constructors, and proxies
 *   are unwrapped back to the emulator object they stand for.
 */
export class Realm {
  readonly context: vm.Context;
  private readonly intrinsics: Intrinsics;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly methods = new WeakMap<object, Map<string, unknown>>();

  constructor(
    clockNow: () => number,
    private readonly hooks: RealmHooks,
  ) {
    this.context = vm.createContext(
      {},
      {name: 'Apps Script', codeGeneration: {strings: true, wasm: false}},
    );
    const install = PRELUDE.runInContext(this.context) as (
      now: () => number,
    ) => Intrinsics;
    this.intrinsics = install(clockNow);
  }

  /**
   * Makes the context as if freshly created before the project is loaded
   * again: globals the project or a previous execution added are deleted,
   * and `var`/function bindings (which cannot be deleted) become undefined.
   * Mutations of built-ins survive; only custom-function batches reuse a
   * context, and only for bundles without top-level let/const/class.
   */
  reset(): void {
    this.intrinsics.reset();
  }

  /**
   * Defines a global the script can see. Objects (services, `console`) are
   * always handed over as proxies, even plain ones like SpreadsheetApp, so
   * their methods convert what crosses.
   */
  defineGlobal(name: string, value: unknown): void {
    Object.defineProperty(this.context, name, {
      value:
        typeof value === 'object' && value !== null
          ? this.wrap(value)
          : this.toScript(value),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }

  /** Reads a global the script defined (top-level function declarations land here). */
  global(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.context, name)
      ? (this.context as Record<string, unknown>)[name]
      : undefined;
  }

  /** Evaluates code in the context (no time limit: callers run inside one). */
  evaluate(code: string, filename: string): unknown {
    return vm.runInContext(code, this.context, {filename});
  }

  /** A value from the emulator, as the script must see it. */
  toScript(value: unknown, copies = new Map<object, unknown>()): unknown {
    if (typeof value === 'function') {
      if (this.isScriptObject(value)) return value;
      const fn = value as (...args: unknown[]) => unknown;
      return this.convertingFunction(fn, fn.name, fn);
    }
    if (value === null || typeof value !== 'object') return value;
    if (this.targets.has(value) || this.isScriptObject(value)) {
      return value; // already the script's own value, or a proxy
    }
    const copied = copies.get(value);
    if (copied !== undefined) return copied;
    if (isDate(value)) return new this.intrinsics.Date(value.getTime());
    if (Array.isArray(value)) {
      const out = new this.intrinsics.Array(value.length);
      copies.set(value, out);
      for (let i = 0; i < value.length; i++)
        out[i] = this.toScript(value[i], copies);
      return out;
    }
    if (value instanceof Error) return this.toScriptError(value);
    if (isPlain(value, this.intrinsics.Object.prototype)) {
      const out = new this.intrinsics.Object() as Record<string, unknown>;
      copies.set(value, out);
      for (const [key, item] of Object.entries(value))
        out[key] = this.toScript(item, copies);
      return out;
    }
    return this.wrap(value);
  }

  /** A value from the script, as the emulator must see it. */
  fromScript(value: unknown, copies = new Map<object, unknown>()): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.targets.get(value);
    if (target) return target;
    const copied = copies.get(value);
    if (copied !== undefined) return copied;
    if (isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      copies.set(value, out);
      for (let i = 0; i < value.length; i++)
        out[i] = this.fromScript(value[i], copies);
      return out;
    }
    if (isPlain(value, this.intrinsics.Object.prototype)) {
      const out: Record<string, unknown> = {};
      copies.set(value, out);
      for (const [key, item] of Object.entries(value))
        out[key] = this.fromScript(item, copies);
      return out;
    }
    return value; // a script-side class instance: the emulator treats it as opaque
  }

  /** True for objects created inside the context (their prototypes are the context's). */
  private isScriptObject(value: object): boolean {
    return Object.prototype.isPrototypeOf.call(
      this.intrinsics.Object.prototype,
      value,
    );
  }

  /** An error as the script must see it: the context's Error, same name and message. */
  toScriptError(error: unknown): unknown {
    if (error instanceof this.intrinsics.Error || !(error instanceof Error))
      return error;
    const scriptError = new this.intrinsics.Error(error.message);
    scriptError.name = error.name;
    return scriptError;
  }

  private wrap(target: object): object {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const proxy = new Proxy(target, {
      get: (obj, prop) => {
        if (typeof prop === 'symbol') return undefined;
        const value: unknown = Reflect.get(obj, prop, obj);
        if (typeof value === 'function') {
          return this.method(
            obj,
            prop,
            value as (...args: unknown[]) => unknown,
          );
        }
        return this.toScript(value);
      },
      // Scripts may hang their own values on an object (template variables):
      // kept as they are, in the script's realm.
      set: (obj, prop, value) => Reflect.set(obj, prop, value, obj),
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  private method(
    target: object,
    name: string,
    fn: (...args: unknown[]) => unknown,
  ): unknown {
    let cache = this.methods.get(target);
    if (!cache) this.methods.set(target, (cache = new Map()));
    let wrapped = cache.get(name);
    if (!wrapped)
      cache.set(name, (wrapped = this.convertingFunction(target, name, fn)));
    return wrapped;
  }

  /** A function the script can call: arguments go out, the result and errors come in. */
  private convertingFunction(
    target: object,
    name: string,
    fn: (...args: unknown[]) => unknown,
  ): (...args: unknown[]) => unknown {
    return (...args: unknown[]): unknown => {
      this.hooks.beforeCall(target, name);
      let result: unknown;
      try {
        result = fn.apply(
          target,
          args.map(arg => this.fromScript(arg)),
        );
      } catch (error) {
        throw this.toScriptError(error);
      }
      return this.toScript(result);
    };
  }
}
