import { readFile } from 'node:fs/promises';

export async function readConfig(path) {
  const text = await readFile(path, 'utf8');
  const config = JSON.parse(text);
  const merged = { ...defaults, ...config };
  return merged;
}

const defaults = { port: 8080 };
