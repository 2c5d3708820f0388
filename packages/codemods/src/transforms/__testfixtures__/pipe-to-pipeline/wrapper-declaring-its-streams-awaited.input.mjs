import fs from 'node:fs';
import zlib from 'node:zlib';

export async function pack(src, dst, log) {
  await new Promise((resolve, reject) => {
    const input = fs.createReadStream(src);
    input.on('error', reject);
    const output = fs.createWriteStream(dst, { flags: 'w' });
    input.pipe(zlib.createGzip()).pipe(output);
    output.on('finish', resolve);
    output.on('error', reject);
  });
  log(dst);
}
