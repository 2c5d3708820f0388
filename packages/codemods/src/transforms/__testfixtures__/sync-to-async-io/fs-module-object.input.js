import fs from 'node:fs';

export async function loadConfig(path) {
  const text = fs.readFileSync(path, 'utf8');
  return JSON.parse(text);
}
