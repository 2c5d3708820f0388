import fs from 'node:fs';

// `out` is another value in the function; the executor's `out` cannot move beside it.
export async function save(response, dest, out) {
  await new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    response.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
  });
  return out;
}
