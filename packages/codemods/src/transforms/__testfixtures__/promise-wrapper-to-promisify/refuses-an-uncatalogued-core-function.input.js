import fs from 'node:fs';

export function statOf(fd) {
  return new Promise((resolve, reject) => fs.fstat(fd, (err, stats) => (err ? reject(err) : resolve(stats))));
}
