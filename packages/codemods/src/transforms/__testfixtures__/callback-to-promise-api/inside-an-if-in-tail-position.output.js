import fs from 'node:fs';

export async function maybeTouch(path, enabled) {
  if (enabled) {
    await fs.promises.utimes(path, new Date(), new Date());
  }
}
