import fs from 'node:fs';

export async function printSize(path) {
  fs.stat(path, (err, stats) => {
    // Missing files are reported, not thrown.
    if (err) {
      console.error('missing', path); // the caller reads stderr
      return;
    }
    /* the size in bytes */
    console.log(stats.size);
  });
}
