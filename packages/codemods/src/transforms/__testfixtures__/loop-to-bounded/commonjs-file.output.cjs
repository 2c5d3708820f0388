const { stat } = require('node:fs/promises');
const { boundedMap } = require('../../../lib/asyncwise-limit.cjs');

async function sizes(files) {
  const found = await boundedMap(files, 8, async (file) => {
    const info = await stat(file);
    return info.size;
  });
  return found;
}

module.exports = { sizes };
