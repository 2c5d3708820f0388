import fs from 'node:fs';

export function readRaw(path) {
  return new Promise((resolve, reject) => fs.readFile(path, (err, data) => (err ? reject(err) : resolve(data))));
}

export function remove(path) {
  return new Promise((resolve, reject) => {
    fs.unlink(path, (err) => {
      if (err) return reject(err);
      resolve();
    });
  });
}
