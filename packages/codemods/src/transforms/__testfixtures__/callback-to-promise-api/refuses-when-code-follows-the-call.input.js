import fs from 'node:fs';

export async function readThenLog(path, log) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) throw err;
    log(text);
  });
  log('started');
}

export async function readEach(paths, log) {
  for (const path of paths) {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) throw err;
      log(text);
    });
  }
}
