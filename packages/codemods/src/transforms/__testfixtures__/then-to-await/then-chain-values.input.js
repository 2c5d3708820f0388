import { readFile } from 'node:fs/promises';

export function readConfig(path) {
  return readFile(path, 'utf8')
    .then((text) => JSON.parse(text))
    .then((config) => {
      const merged = { ...defaults, ...config };
      return merged;
    });
}

const defaults = { port: 8080 };
