import * as fs from 'fs';

export async function readVersion(file) {
  return fs.readFileSync(file).toString().trim();
}
