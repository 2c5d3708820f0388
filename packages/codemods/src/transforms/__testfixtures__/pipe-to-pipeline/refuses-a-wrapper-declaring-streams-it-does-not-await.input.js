import fs from 'node:fs';

// The promise is stored, not awaited: a stream that throws while it is made rejected it, and
// would throw here if its declaration moved out.
export async function save(response, dest, other) {
  const saved = new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    response.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
  });
  await other();
  return saved;
}
