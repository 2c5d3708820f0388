import { open } from 'node:fs/promises';

export async function checksum(path: string) {
  // One handle for the whole read.
  const handle = await open(path);
  try {
    // Read it all: the files are small.
    const data = await handle.readFile(); /* a Buffer */
    return data.reduce((sum, byte) => (sum + byte) % 65521, 1);
  } finally {
    await handle.close();
  }
}
