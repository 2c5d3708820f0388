import { readFileSync } from 'node:fs';

function readFile(name: string) {
  return `cached:${name}`;
}

export async function load(name: string) {
  return readFileSync(name, 'utf8') + readFile(name);
}
