import { readFile } from 'node:fs';

const promises = new Map<string, Promise<string>>();

export const manifest = (path: string) => new Promise<string>((resolve, reject) => readFile(path, 'utf8', (err, text) => (err ? reject(err) : resolve(text))));

export const cached = (path: string) => promises.get(path) ?? manifest(path);
