import fs from 'node:fs';

export async function printConfig(path) {
  console.log('reading', path);
  const text = await fs.promises.readFile(path, 'utf8');
  const config = JSON.parse(text);
  console.log(config.name);
}
