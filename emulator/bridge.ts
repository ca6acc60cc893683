/**
 * What may cross google.script.run (PLATFORM.md): primitives, plain objects
 * and arrays. Arguments holding a Date, a function or any other object fail
 * in the page before the call is sent ("Failed due to illegal value in
 * property: 0", naming the innermost key); `undefined` inside arrays becomes
 * null. Results are copied the same way, except that a Date (or any other
 * object) arrives as null instead of failing — seen in real executions.
 */

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** Copies call arguments as the page would send them, or throws its TypeError. */
export function sendArguments(args: readonly unknown[]): unknown[] {
  const stack = new Set<object>();
  const copy = (value: unknown, key: string): unknown => {
    if (value === undefined || value === null) return null;
    if (
      typeof value === 'function' ||
      typeof value === 'symbol' ||
      typeof value === 'bigint'
    ) {
      throw new TypeError(`Failed due to illegal value in property: ${key}`);
    }
    if (typeof value !== 'object') return value;
    if (stack.has(value))
      throw new TypeError('Failed due to circular reference.');
    if (!Array.isArray(value) && !isPlainObject(value)) {
      throw new TypeError(`Failed due to illegal value in property: ${key}`);
    }
    stack.add(value);
    let out: unknown;
    if (Array.isArray(value)) {
      out = value.map((item, i) => copy(item, String(i)));
    } else {
      const obj: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(value)) {
        if (item !== undefined) obj[k] = copy(item, k);
      }
      out = obj;
    }
    stack.delete(value);
    return out;
  };
  return args.map((arg, i) => copy(arg, String(i)));
}

/** Copies a server function's return value as the page receives it. */
export function receiveResult(value: unknown): unknown {
  const stack = new Set<object>();
  const copy = (item: unknown): unknown => {
    if (item === undefined || item === null) return null;
    if (
      typeof item === 'function' ||
      typeof item === 'symbol' ||
      typeof item === 'bigint'
    ) {
      return null;
    }
    if (typeof item !== 'object') return item;
    if (stack.has(item))
      throw new TypeError('Failed due to circular reference.');
    if (!Array.isArray(item) && !isPlainObject(item)) return null;
    stack.add(item);
    let out: unknown;
    if (Array.isArray(item)) {
      out = item.map(copy);
    } else {
      const obj: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(item)) {
        if (v !== undefined && typeof v !== 'function') obj[k] = copy(v);
      }
      out = obj;
    }
    stack.delete(item);
    return out;
  };
  return value === undefined ? undefined : copy(value);
}
