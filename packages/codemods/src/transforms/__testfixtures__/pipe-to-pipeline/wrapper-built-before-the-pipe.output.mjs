import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

// The promise is made first, its listeners in place before the pipe starts, and returned after it.
export async function store(stream, dest) {
  const out = fs.createWriteStream(dest);
  await pipeline(stream, out);
  return dest;
}
