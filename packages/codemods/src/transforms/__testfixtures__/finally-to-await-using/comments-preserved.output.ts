import { open } from 'node:fs/promises';

export async function checksum(path: string) {
  // One handle for the whole read.
  await using handle = await open(path);
  // Read it all: the files are small.
  const data = await handle.readFile(); /* a Buffer */
  return data.reduce((sum, byte) => (sum + byte) % 65521, 1);
}
