import { readFile } from 'node:fs';

export const manifest = (path: string) => new Promise<string>((resolve, reject) => readFile(path, 'utf8', (err, text) => (err ? reject(err) : resolve(text))));
