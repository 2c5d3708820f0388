import fs from 'node:fs';

// The promise resolves on another path as well.
export async function save(response, dest) {
  return new Promise((resolve, reject) => {
    if (!dest) return resolve(null);
    const out = fs.createWriteStream(dest);
    response.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
  });
}
