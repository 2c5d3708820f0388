import { open } from 'node:fs/promises';

export async function size(path: string) {
  const handle = await open(path);
  try {
    return (await handle.stat()).size;
  } finally {
    // Closing may take a while on network drives.
    await handle.close();
  }
}
