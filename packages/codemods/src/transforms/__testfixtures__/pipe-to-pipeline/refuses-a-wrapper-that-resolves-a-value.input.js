import fs from 'node:fs';

// The promise resolves the target; pipeline resolves nothing.
export async function copy(a, b) {
  return new Promise((resolve, reject) => {
    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', () => resolve(b));
  });
}
