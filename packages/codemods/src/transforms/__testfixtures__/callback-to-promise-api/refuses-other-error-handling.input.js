import fs from 'node:fs';

export async function reportExpression(path, log) {
  fs.readFile(path, 'utf8', (err, text) => log(err ? 'failed' : text));
}

export async function reportConditional(path, log) {
  fs.access(path, (err) => {
    log(err ? 'missing' : 'present');
  });
}

export async function reportWithoutLeaving(path, log) {
  fs.readFile(path, (err, data) => {
    if (err) log('failed', err);
    log('done', data.length);
  });
}
