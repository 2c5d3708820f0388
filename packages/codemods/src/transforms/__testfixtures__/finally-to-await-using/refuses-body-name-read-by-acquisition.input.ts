import { open } from 'node:fs/promises';

// The body declares `path`, which the acquisition reads: in one block with the body, `open(path)`
// would read the body's `path` before it is set.
export async function size(path: string) {
  const handle = await open(path);
  try {
    const path = (await handle.stat()).size;
    return path;
  } finally {
    await handle.close();
  }
}
