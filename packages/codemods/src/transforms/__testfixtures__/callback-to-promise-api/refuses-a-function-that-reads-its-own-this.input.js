import fs from 'node:fs';

export async function readInto(path, cache) {
  fs.readFile(path, 'utf8', function (err, text) {
    if (err) throw err;
    this.set(path, text);
  });
}

export async function readWithArguments(path, target) {
  fs.readFile(path, 'utf8', function (err, text) {
    if (err) throw err;
    target.text = text;
    target.args = arguments;
  });
}

export async function readAsync(path, log) {
  fs.readFile(path, 'utf8', async (err, text) => {
    if (err) throw err;
    log(text);
  });
}
