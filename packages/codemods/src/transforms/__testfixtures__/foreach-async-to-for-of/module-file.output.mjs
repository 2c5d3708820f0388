import { unlink } from 'node:fs/promises';

export async function cleanUp(files) {
  for (const file of [...files]) {
    await unlink(file);
  }
}
