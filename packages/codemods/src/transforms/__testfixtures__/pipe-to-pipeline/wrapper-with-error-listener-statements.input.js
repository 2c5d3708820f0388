import fs from 'node:fs';
import zlib from 'node:zlib';

export async function restore(a, b) {
  const input = fs.createReadStream(a);
  const output = fs.createWriteStream(b);
  await new Promise((resolve, reject) => {
    input.on('error', reject);
    output.on('error', reject);
    input.pipe(zlib.createGunzip()).pipe(output).on('finish', resolve);
  });
}
