const { stat } = require('node:fs/promises');

// --helper-path names a .js helper in an ES module package: an ES module, which this file cannot require.
async function sizes(files) {
  const found = [];
  for (const file of files) {
    const info = await stat(file);
    found.push(info.size);
  }
  return found;
}

module.exports = { sizes };
