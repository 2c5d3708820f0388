import fs from 'node:fs';

// The promise resolves the target once the copy has finished; so does the awaited pipeline.
export async function copy(a, b) {
  return new Promise((resolve, reject) => {
    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', () => resolve(b));
  });
}
