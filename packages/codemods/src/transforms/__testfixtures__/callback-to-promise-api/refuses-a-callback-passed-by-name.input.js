import fs from 'node:fs';

export async function read(path, done) {
  fs.readFile(path, 'utf8', done);
}
