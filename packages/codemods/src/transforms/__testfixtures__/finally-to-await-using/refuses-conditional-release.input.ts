import { open } from 'node:fs/promises';

export async function maybeKeep(path: string, keep: boolean) {
  const handle = await open(path);
  try {
    await handle.stat();
  } finally {
    if (!keep) await handle.close();
  }
  return keep ? handle : null;
}
