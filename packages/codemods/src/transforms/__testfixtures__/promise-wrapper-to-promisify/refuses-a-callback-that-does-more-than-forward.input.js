import fs from 'node:fs';

export function readText(path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, (err, data) => {
      if (err) return reject(err);
      resolve(data.toString('utf8'));
    });
  });
}

export function readOrEmpty(path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, (err, data) => {
      if (err && err.code !== 'ENOENT') return reject(err);
      resolve(data || Buffer.alloc(0));
    });
  });
}
