import { mapped, namedOptions, opaque, overloaded, rest, signalIsAName, spread, type Store, table } from './store.js';

export async function entry(store: Store, keys: string[], args: [string], options?: { signal?: AbortSignal }) {
  const a = await store.load('a');
  const b = await overloaded('b');
  const c = [await mapped('c'), ...(await Promise.all(keys.map(mapped)))];
  const d = await spread(...args);
  const e = await table['mapped']('e');
  const f = await namedOptions('f', { retries: 1 });
  const g = await signalIsAName('g', 'x');
  const h = await rest('h');
  const i = await opaque('i', {});
  // The entry's own request: what keeps it on the chain when every function it calls is refused.
  const j = await fetch('https://store.test/j', { signal: options?.signal }).then((r) => r.text());
  return [a, b, c, d, e, f, g, h, i, j];
}
