import fs from 'node:fs';

// The log ran while the copy was under way; after the rewrite it would wait for it.
export async function copy(a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b));
  console.log('copy started');
}
