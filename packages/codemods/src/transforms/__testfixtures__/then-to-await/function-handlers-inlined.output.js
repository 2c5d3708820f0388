import { readdir } from 'node:fs/promises';

export async function countVisible(dir) {
  let names = await readdir(dir);
  names = names.filter((name) => !name.startsWith('.'));
  return names.length;
}
