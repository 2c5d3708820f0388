import fs from 'node:fs';

export async function bestEffortRemove(path) {
  fs.unlink(path, () => {});
}

export async function logSize(path) {
  fs.stat(path, (err, stats) => {
    console.log(stats && stats.size);
  });
}
