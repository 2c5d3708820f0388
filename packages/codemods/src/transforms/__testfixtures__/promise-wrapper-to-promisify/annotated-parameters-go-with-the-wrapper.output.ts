import fs from 'node:fs';

export function readText(path: string): Promise<string> {
  return fs.promises.readFile(path, 'utf8');
}
