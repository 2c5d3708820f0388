import fs from 'node:fs';

export async function loadOrDefault(path, fallback, done) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) {
      console.warn('no config at', path, err.code);
      done(fallback);
      return;
    }
    done(JSON.parse(text));
  });
}
