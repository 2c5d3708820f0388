import { error } from './log';

function fallback(reason: unknown) {
  return String(reason);
}

export async function read(p: Promise<string>) {
  error('reading');
  try {
    const s = await p;
    return await s.toUpperCase();
  } catch (error2) {
    return fallback(error2);
  }
}
