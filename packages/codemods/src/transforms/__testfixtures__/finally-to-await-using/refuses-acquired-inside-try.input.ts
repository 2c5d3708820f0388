import { open, type FileHandle } from 'node:fs/promises';

export async function size(path: string) {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path);
    return (await handle.stat()).size;
  } finally {
    await handle?.close();
  }
}
