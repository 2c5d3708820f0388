import fs from 'node:fs';

export async function loadOrDefault(path, fallback, done) {
  let text;
  try {
    text = await fs.promises.readFile(path, 'utf8');
  } catch (err) {
    console.warn('no config at', path, err.code);
    done(fallback);
    return;
  }
  done(JSON.parse(text));
}
