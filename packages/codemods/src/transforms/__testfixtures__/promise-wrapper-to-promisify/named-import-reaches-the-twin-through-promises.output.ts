import { readFile, promises } from 'node:fs';

export const manifest = (path: string) => promises.readFile(path, 'utf8');
