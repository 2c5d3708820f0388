import fs from 'node:fs';
import mkdirp from 'mkdirp';

export function ensureDir(dir) {
  return new Promise((resolve, reject) => {
    fs.mkdir(dir, { recursive: true }, (err) => {
      if (err) return reject(err);
      resolve();
    });
  });
}

export function ensureTree(dir) {
  return new Promise((resolve, reject) => mkdirp(dir, (err) => (err ? reject(err) : resolve())));
}
