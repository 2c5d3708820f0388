const { stat } = require('node:fs/promises');

async function statAll(files) {
  for (const file of files) {
    await stat(file);
  }
}

module.exports = { statAll };
