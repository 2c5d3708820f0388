import fs from 'node:fs';

export async function exists(file: string) {
  return fs.statSync(file, { throwIfNoEntry: false }) !== undefined;
}
