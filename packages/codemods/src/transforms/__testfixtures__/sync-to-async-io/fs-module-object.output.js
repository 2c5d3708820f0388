import fs from 'node:fs';

export async function loadConfig(path) {
  const text = await fs.promises.readFile(path, 'utf8');
  return JSON.parse(text);
}
