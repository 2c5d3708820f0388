import fs from 'node:fs';

export async function readTwo(path, log) {
  fs.readFile(path, (err, data, extra) => {
    if (err) throw err;
    log(data, extra);
  });
}

export async function readLength(path, log) {
  fs.readFile(path, (err, { length }) => {
    if (err) throw err;
    log(length);
  });
}
