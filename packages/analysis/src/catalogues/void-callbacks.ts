/**
 * Callback parameters the platform types declare as returning `void`: an async function passed there
 * has its promise dropped, and its rejection with it. Only entries whose types say `void` in both
 * TypeScript's DOM lib and `@types/node` (so a typed run agrees): not `setTimeout`/`setInterval`,
 * typed `TimerHandler` (any `Function`) in the DOM lib, nor `process.nextTick` (`Function`).
 */
export interface VoidCallbackEntry {
  /** The global (or the global object's member) that takes the callback. */
  readonly global: string;
  /** A method of that global, or `null` when the global itself is called. */
  readonly method: string | null;
  /** Which argument is the callback. */
  readonly argument: number;
}

export const voidCallbacks = [
  { global: 'queueMicrotask', method: null, argument: 0 },
  { global: 'requestAnimationFrame', method: null, argument: 0 },
  { global: 'requestIdleCallback', method: null, argument: 0 },
  { global: 'addEventListener', method: null, argument: 1 },
  { global: 'window', method: 'addEventListener', argument: 1 },
  { global: 'document', method: 'addEventListener', argument: 1 },
  { global: 'globalThis', method: 'addEventListener', argument: 1 },
  { global: 'process', method: 'on', argument: 1 },
  { global: 'process', method: 'once', argument: 1 },
  { global: 'process', method: 'addListener', argument: 1 },
  { global: 'process', method: 'prependListener', argument: 1 },
  { global: 'process', method: 'prependOnceListener', argument: 1 },
] as const satisfies readonly VoidCallbackEntry[];

/** The catalogued callback argument of a call of `global` (with `method`), or null. */
export function voidCallbackArgument(global: string, method: string | null): number | null {
  for (const entry of voidCallbacks as readonly VoidCallbackEntry[]) {
    if (entry.global === global && entry.method === method) return entry.argument;
  }
  return null;
}
