import fs from 'node:fs';

// The promise built first is returned inside a function, not awaited here: pipeline(…) there would start the copy only when it is called.
export async function store(stream, dest) {
  const out = fs.createWriteStream(dest);
  const written = new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  stream.pipe(out);
  return () => written;
}
