import pMap from 'p-map';
import { stat } from 'node:fs/promises';

// A `continue` before the await skips the push: each call returns what it pushed, none or one.
export async function sizes(files) {
  const found = [];
  for (const file of files) {
    if (file.startsWith('.')) continue;
    const info = await stat(file);
    found.push({ file, size: info.size });
  }
  return found;
}
