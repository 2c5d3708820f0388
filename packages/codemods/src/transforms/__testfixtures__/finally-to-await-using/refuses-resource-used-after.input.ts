import { open } from 'node:fs/promises';

export async function descriptor(path: string) {
  const handle = await open(path);
  try {
    await handle.stat();
  } finally {
    await handle.close();
  }
  // Closed here today; with await using it would still be open.
  return handle.fd;
}
