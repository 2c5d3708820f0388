import fs from 'node:fs';

// A timer rejects the promise too: it may settle otherwise than pipeline(…) does.
export async function save(response, dest, ms) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    setTimeout(() => reject(new Error('timed out')), ms);
    response.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
  });
}
