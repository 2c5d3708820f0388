import fs from 'node:fs';

export async function printConfig(path) {
  console.log('reading', path);
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) throw err;
    const config = JSON.parse(text);
    console.log(config.name);
  });
}
