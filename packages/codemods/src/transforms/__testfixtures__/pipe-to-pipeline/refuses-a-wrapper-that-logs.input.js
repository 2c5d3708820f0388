import fs from 'node:fs';

// The log ran while the streams flowed; it has no place in pipeline(…).
export async function save(response, dest, log) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    log(`saving ${dest}`);
    response.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
  });
}
