import fs from 'node:fs';

export async function read(path, log) {
  fs.readFile(path, /* callback: */ (err, text) => {
    if (err) throw err; // fail loudly
    log(text);
  });
}
