import fs from 'node:fs';
import { randomBytes } from 'node:crypto';

export function salt(): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    randomBytes(16, (err, buf) => {
      if (err) reject(err);
      else resolve(buf);
    });
  });
}

export const manifest = (path: string) => new Promise<string>((resolve, reject) => fs.readFile(path, 'utf8', (err, text) => (err ? reject(err) : resolve(text))));
