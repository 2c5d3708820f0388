import { readFile } from 'node:fs/promises';

export async function readAll(files: string[]) {
  const texts = [];
  for (const file of files) {
    texts.push(await readFile(file, 'utf8'));
  }
  return texts;
}
