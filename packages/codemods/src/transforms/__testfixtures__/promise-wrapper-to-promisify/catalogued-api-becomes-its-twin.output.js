import fs from 'node:fs';

export function readRaw(path) {
  return fs.promises.readFile(path);
}

export function remove(path) {
  return fs.promises.unlink(path);
}
