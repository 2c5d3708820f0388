import fs from 'node:fs';

export async function firstByte(path) {
  await using handle = await fs.promises.open(path);
  const buffer = Buffer.alloc(1);
  await handle.read(buffer, 0, 1, 0);
  return buffer[0];
}
