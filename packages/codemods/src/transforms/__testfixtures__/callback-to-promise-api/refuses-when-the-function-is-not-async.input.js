import fs from 'node:fs';

export function printConfig(path) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) throw err;
    console.log(text);
  });
}

fs.readFile('top.json', 'utf8', (err, text) => {
  if (err) throw err;
  console.log(text);
});
