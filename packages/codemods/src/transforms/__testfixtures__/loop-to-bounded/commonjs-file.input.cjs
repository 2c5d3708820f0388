const { stat } = require('node:fs/promises');

async function sizes(files) {
  const found = [];
  for (const file of files) {
    const info = await stat(file);
    found.push(info.size);
  }
  return found;
}

module.exports = { sizes };
