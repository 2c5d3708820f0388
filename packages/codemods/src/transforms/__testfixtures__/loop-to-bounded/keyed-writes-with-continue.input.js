import { stat } from 'node:fs/promises';

// A `continue` after the await ends the call with what it collected so far.
export async function sizes(files) {
  const sizes = {};
  for (const file of files) {
    const info = await stat(file);
    if (!info.isFile()) continue;
    sizes[file] = info.size;
  }
  return sizes;
}
