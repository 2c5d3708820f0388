import fs from 'node:fs';

export async function readResolved(link: string) {
  return await fs.promises.readFile(await fs.promises.realpath(link), 'utf8');
}
