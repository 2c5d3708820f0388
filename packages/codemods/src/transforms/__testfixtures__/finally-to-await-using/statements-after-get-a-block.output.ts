import { open } from 'node:fs/promises';

export async function sizes(paths: readonly string[]) {
  const out: number[] = [];
  for (const path of paths) {
    {
      await using handle = await open(path);
      out.push((await handle.stat()).size);
    }
    console.log('closed', path);
  }
  return out;
}
