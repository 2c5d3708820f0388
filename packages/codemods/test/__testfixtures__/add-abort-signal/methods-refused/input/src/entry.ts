import { Base, Cached, HttpLoader, Mirror, memory } from './shapes.js';

export async function entry(base: Base, cached: Cached, either: Base | Mirror) {
  const a = await new HttpLoader().load('a');
  const b = await base.fetchPage('b');
  const c = await cached.fetchPage('c');
  const d = await either.fetchPage('d');
  const e = await memory.load('e');
  // The entry's own request: what keeps it on the chain when every method it calls is refused.
  const f = await fetch('https://store.test/f').then((r) => r.text());
  return [a, b, c, d, e, f];
}
