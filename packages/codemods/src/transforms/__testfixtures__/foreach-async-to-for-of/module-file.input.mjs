import { unlink } from 'node:fs/promises';

export async function cleanUp(files) {
  [...files].forEach(async (file) => {
    await unlink(file);
  });
}
