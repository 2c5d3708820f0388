import fs from 'node:fs';

export async function maybeTouch(path, enabled) {
  if (enabled) {
    fs.utimes(path, new Date(), new Date(), (err) => {
      if (err) throw err;
    });
  }
}
