/**
 * Built-in globals whose calls never return a promise: what the syntax oracle may answer `'no'`
 * for without types, as the checker would (`console.log()` is `void`, `JSON.parse()` is `any` but
 * parses text, `Math.max()` a number). Resolved only when the name is the unshadowed global.
 * Used so that a rewrite never writes `await console.log(x)`.
 */

/** Global functions that return a plain value. */
export const valueGlobalFunctions = [
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURI',
  'encodeURIComponent',
  'decodeURI',
  'decodeURIComponent',
  'String',
  'Number',
  'Boolean',
  'BigInt',
  'Symbol',
  'structuredClone',
  'queueMicrotask',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
] as const satisfies readonly string[];

/**
 * Global namespaces and constructors whose static methods (all of them, or the ones listed) return
 * a plain value: `console.*` are `void`, `Math.*` numbers.
 */
export const valueGlobalMethods = {
  console: 'all',
  Math: 'all',
  JSON: ['parse', 'stringify'],
  Object: ['keys', 'values', 'entries', 'assign', 'freeze', 'fromEntries', 'getPrototypeOf', 'create', 'defineProperty', 'is', 'isFrozen'],
  Array: ['isArray', 'of'],
  Number: ['isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt'],
  String: ['fromCharCode', 'fromCodePoint', 'raw'],
  Date: ['now', 'parse', 'UTC'],
} as const satisfies Readonly<Record<string, 'all' | readonly string[]>>;

/** Whether `object.method(…)` of the global `object` returns a plain value. */
export function isValueGlobalMethod(object: string, method: string): boolean {
  if (!Object.hasOwn(valueGlobalMethods, object)) return false;
  const methods: 'all' | readonly string[] = valueGlobalMethods[object as keyof typeof valueGlobalMethods];
  return methods === 'all' || methods.includes(method);
}
