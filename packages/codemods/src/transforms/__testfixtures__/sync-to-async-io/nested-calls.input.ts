import fs from 'node:fs';

export async function readResolved(link: string) {
  return fs.readFileSync(fs.realpathSync(link), 'utf8');
}
