import fs from 'node:fs';

export async function printSize(path) {
  // Missing files are reported, not thrown.
  let stats;
  try {
    stats = await fs.promises.stat(path);
  } catch (err) {
    console.error('missing', path); // the caller reads stderr
    return;
  }
  /* the size in bytes */
  console.log(stats.size);
}
