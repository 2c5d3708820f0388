import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

export function salt(): Promise<Buffer> {
  return promisify(randomBytes)(16);
}

export const manifest = (path: string) => fs.promises.readFile(path, 'utf8');
