import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

// `file.close(resolve)` resolves on the close that follows finish, which pipeline waits for too.
export async function save(response, dest) {
  const file = fs.createWriteStream(dest);
  await pipeline(response, file);
}

// `file.close()` after finish does nothing the stream would not do itself.
export async function saveAs(response, dest) {
  const file = fs.createWriteStream(dest);
  await pipeline(response, file);
  return dest;
}
