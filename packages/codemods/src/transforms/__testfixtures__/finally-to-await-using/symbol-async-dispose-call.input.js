import fs from 'node:fs';

export async function firstByte(path) {
  const handle = await fs.promises.open(path);
  try {
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, 0);
    return buffer[0];
  } finally {
    await handle[Symbol.asyncDispose]();
  }
}
