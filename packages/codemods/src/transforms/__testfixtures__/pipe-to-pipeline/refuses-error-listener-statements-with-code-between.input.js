import fs from 'node:fs';
import zlib from 'node:zlib';

// An await between the listener and the chain: an error of the source in that time reached onError.
export async function pack(src, dst, onError, ready) {
  const input = fs.createReadStream(src);
  input.on('error', onError);
  await ready;
  input.pipe(zlib.createGzip()).pipe(fs.createWriteStream(dst)).on('error', onError);
}
