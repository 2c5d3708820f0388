import fs from 'node:fs';

// `.pipe()` never ends process.stdout; pipeline would, and the log after it would be lost.
export async function cat(path) {
  fs.createReadStream(path).pipe(process.stdout);
}
