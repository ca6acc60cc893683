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
  const illegal = (key: string): never => {
    throw new TypeError(`Failed due to illegal value in property: ${key}`);
  };
  const stack = new Set<object>();
  return args.map((arg, i) => copyPlain(arg, String(i), illegal, stack));
}

/** Copies a server function's return value as the page receives it. */
export function receiveResult(value: unknown): unknown {
  if (value === undefined) return undefined;
  // An object's methods are left out; any other function or object is null.
  return copyPlain(value, '', () => null, new Set(), true);
}

/**
 * The walk both directions share: primitives as they are, undefined as
 * null (left out of objects), arrays and plain objects copied; anything
 * else is what `illegal` says, given the innermost key.
 */
function copyPlain(
  value: unknown,
  key: string,
  illegal: (key: string) => null,
  stack: Set<object>,
  omitMethods = false,
): unknown {
  if (value === undefined || value === null) return null;
  if (
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
  ) {
    return illegal(key);
  }
  if (typeof value !== 'object') return value;
  if (stack.has(value))
    throw new TypeError('Failed due to circular reference.');
  if (!Array.isArray(value) && !isPlainObject(value)) return illegal(key);
  stack.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item, i) =>
      copyPlain(item, String(i), illegal, stack, omitMethods),
    );
  } else {
    const obj: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      if (item === undefined || (omitMethods && typeof item === 'function'))
        continue;
      obj[k] = copyPlain(item, k, illegal, stack, omitMethods);
    }
    out = obj;
  }
  stack.delete(value);
  return out;
}
