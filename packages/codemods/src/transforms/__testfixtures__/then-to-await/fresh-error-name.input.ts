import { error } from './log';

function fallback(reason: unknown) {
  return String(reason);
}

export function read(p: Promise<string>) {
  error('reading');
  return p.then((s) => s.toUpperCase()).catch(fallback);
}
