import fs from 'node:fs';
import zlib from 'node:zlib';

// pipeline settles after the file stream's close; nothing handled its error, which ended the process.
export async function pack(a, b, log) {
  fs.createReadStream(a).pipe(zlib.createGzip()).pipe(fs.createWriteStream(b)).on('close', () => {
    log(`${b} is written`);
  });
}
