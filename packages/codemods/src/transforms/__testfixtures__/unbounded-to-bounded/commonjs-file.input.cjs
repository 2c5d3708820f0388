const { readFile } = require('node:fs/promises');

async function readAll(files) {
  return Promise.all(files.map(async (file) => readFile(file, 'utf8')));
}

module.exports = { readAll };
