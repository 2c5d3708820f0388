const { stat } = require('node:fs/promises');

// The package is an ES module package, so the helper next to it would be an ES module too.
async function sizes(files) {
  const found = [];
  for (const file of files) {
    const info = await stat(file);
    found.push(info.size);
  }
  return found;
}

module.exports = { sizes };
