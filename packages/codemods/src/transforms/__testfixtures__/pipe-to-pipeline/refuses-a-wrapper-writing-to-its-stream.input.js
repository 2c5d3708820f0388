import fs from 'node:fs';

// The executor writes to the destination itself.
export async function save(response, dest) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    out.write('# saved\n');
    response.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
  });
}
