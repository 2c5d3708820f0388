import fs from 'node:fs';

export async function read(path, log) {
  const text = 'earlier';
  log(text);
  if (path) {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) throw err;
      log(text);
    });
  }
}

export async function readFrom(data, log) {
  fs.readFile(data, (err, data) => {
    if (err) throw err;
    log(data);
  });
}
