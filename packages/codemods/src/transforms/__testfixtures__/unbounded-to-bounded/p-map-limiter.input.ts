import { readFile } from 'node:fs/promises';

export async function readAll(files: string[]) {
  return Promise.all(files.map(async (file) => readFile(file, 'utf8')));
}
