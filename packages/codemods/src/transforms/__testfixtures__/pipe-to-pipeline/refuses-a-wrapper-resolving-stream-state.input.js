import fs from 'node:fs';

// bytesWritten is the stream's state: pipeline destroys the streams and settles a moment later.
export async function copy(a, b) {
  const out = fs.createWriteStream(b);
  return new Promise((resolve, reject) => {
    fs.createReadStream(a).pipe(out).on('error', reject).on('finish', () => resolve(out.bytesWritten));
  });
}
