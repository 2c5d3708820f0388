import { open } from 'node:fs/promises';

export async function sizes(paths: readonly string[]) {
  const out: number[] = [];
  for (const path of paths) {
    const handle = await open(path);
    try {
      out.push((await handle.stat()).size);
    } finally {
      await handle.close();
    }
    console.log('closed', path);
  }
  return out;
}
