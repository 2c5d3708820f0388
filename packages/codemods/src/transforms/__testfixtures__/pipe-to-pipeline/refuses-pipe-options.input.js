import fs from 'node:fs';

// `{ end: false }` keeps stdout open; pipeline would end it.
export async function cat(path) {
  fs.createReadStream(path).pipe(process.stdout, { end: false });
}
