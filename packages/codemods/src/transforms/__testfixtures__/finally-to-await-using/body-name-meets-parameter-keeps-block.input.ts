import { open } from 'node:fs/promises';

// The body declares `options`, which the parameter already binds at the function's level: the
// body cannot join the function's block, so it keeps a block of its own.
export async function read(path: string, options?: { encoding?: BufferEncoding }) {
  const handle = await open(path);
  try {
    const options = { encoding: 'utf8' as const };
    return await handle.readFile(options);
  } finally {
    await handle.close();
  }
}
