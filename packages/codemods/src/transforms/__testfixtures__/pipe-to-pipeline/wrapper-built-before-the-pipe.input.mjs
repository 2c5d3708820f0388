import fs from 'node:fs';

// The promise is made first, its listeners in place before the pipe starts, and returned after it.
export async function store(stream, dest) {
  const out = fs.createWriteStream(dest);
  const written = new Promise((resolve, reject) => {
    out.on('finish', () => resolve(dest));
    out.on('error', reject);
  });
  stream.pipe(out);
  return written;
}
