import fs from 'node:fs';

export async function read(path, log) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return log(err);
    log(text);
  });
}
