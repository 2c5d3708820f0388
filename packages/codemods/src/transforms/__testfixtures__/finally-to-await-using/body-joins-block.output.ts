import { open } from 'node:fs/promises';

export async function head(path: string): Promise<number> {
  await using handle = await open(path);
  const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
  if (bytesRead === 0) {
    return -1;
  }
  return bytesRead;
}
