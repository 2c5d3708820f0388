import fs from 'node:fs';

export function readLogged(path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) throw err;
      console.log(text);
      resolve(text);
    });
  });
}
