import * as fs from 'fs';

export async function readVersion(file) {
  return (await fs.promises.readFile(file)).toString().trim();
}
