import { open } from 'node:fs/promises';

// The body declares `options`, which the parameter already binds at the function's level: the
// body cannot join the function's block, so it keeps a block of its own.
export async function read(path: string, options?: { encoding?: BufferEncoding }) {
  {
    await using handle = await open(path);
    const options = { encoding: 'utf8' as const };
    return await handle.readFile(options);
  }
}
