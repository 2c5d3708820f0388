const fs = require('fs');

async function listJson(dir) {
  return (await fs
    .promises.readdir(dir))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

module.exports = { listJson };
