import fs from 'node:fs';

export function readLogged(path, log) {
  return new Promise((resolve, reject) => {
    log('reading', path);
    fs.readFile(path, (err, data) => (err ? reject(err) : resolve(data)));
  });
}
