import fs from 'node:fs';

export function readRaw(path) {
  return new Promise((resolve, reject) => {
    // the raw bytes, no encoding
    fs.readFile(path, (err, data) => (err ? reject(err) : resolve(data)));
  });
}
